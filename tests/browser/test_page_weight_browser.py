"""Page weight: a service page's HTML, CSS and JavaScript stay under 50 KB compressed.

The live test server does not compress; production does (the reverse proxy, see
docs/deployment.md). Each body is compressed here with gzip at level 6 (zlib's default,
and the level docs/deployment.md sets in nginx) to model what a resident's phone downloads.
"""

import gzip

SERVICE = "/fr/services/action-impots/"
BUDGET_BYTES = 50 * 1024
COUNTED_TYPES = {"document", "stylesheet", "script"}


def compressed_weights(page, path):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return {
        response.url: len(gzip.compress(response.body(), compresslevel=6))
        for response in responses
        if response.request.resource_type in COUNTED_TYPES
    }


def test_service_page_weighs_at_most_50_kb_compressed(page, request_log):
    weights = compressed_weights(page, SERVICE)
    kinds = {url.rsplit(".", 1)[-1] for url in weights}
    assert {"css", "js"} <= kinds, "stylesheets and scripts are counted"
    total = sum(weights.values())
    print(f"\n{SERVICE}: {total} bytes compressed in {len(weights)} responses")
    assert total <= BUDGET_BYTES, sorted(weights.items(), key=lambda item: -item[1])
    assert request_log.third_party() == []
