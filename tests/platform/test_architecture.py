"""No import cycle: between apps, or between any two modules of the project.

`make lint` checks the floors with import-linter (pyproject.toml); this test checks what
a layers contract cannot see, a cycle inside one floor.
"""

import grimp
import pytest

PACKAGES = [
    "config", "core", "taxonomy", "places", "search", "services_directory", "localization",
    "home", "kiosk", "feedback", "opendata", "demo", "accounts",
]  # fmt: skip


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def strongly_connected(nodes, successors):
    """Tarjan's strongly connected components of more than one node (the cycles)."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in successors(node):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return components


def first_party_modules(graph):
    return {module for module in graph.modules if ".migrations" not in module}


# The project package spans the floors: its environment helpers are the lowest floor,
# imported by every app, while its URLs and API sit on top. It counts as two nodes.
LOWEST_FLOOR = "config.environment"


def app_of(module):
    if module == LOWEST_FLOOR or module.startswith(LOWEST_FLOOR + "."):
        return LOWEST_FLOOR
    return module.split(".")[0]


def test_no_cycle_between_apps(graph):
    modules = first_party_modules(graph)
    edges = {app: set() for app in [*PACKAGES, LOWEST_FLOOR]}
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported in modules and app_of(imported) != app_of(module):
                edges[app_of(module)].add(app_of(imported))
    assert strongly_connected(edges, lambda app: sorted(edges[app])) == []


def test_no_cycle_between_modules(graph):
    modules = first_party_modules(graph)

    def imported_by(module):
        return sorted(graph.find_modules_directly_imported_by(module) & modules)

    assert strongly_connected(modules, imported_by) == []


def test_the_check_sees_a_cycle():
    assert strongly_connected(["a", "b", "c"], {"a": ["b"], "b": ["a"], "c": []}.get) == [
        ["a", "b"]
    ]
