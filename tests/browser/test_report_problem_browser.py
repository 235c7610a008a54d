"""Report a problem: from any page's footer to a stored report, spam refused, errors focused.

The database is read only once the browser is done: a read from the test's own
transaction would lock the table against the live server's write (SQLite).
"""

from feedback.models import ProblemReport

from .conftest import axe_violations

SERVICE = "/fr/services/action-impots/"


def open_form_from(page, path):
    page.goto(path)
    page.click(".report-problem a")
    page.wait_for_url("**/report-a-problem/**")


def test_empty_report_shows_a_focused_error_summary_linked_to_the_field(page):
    open_form_from(page, SERVICE)
    page.click(".report-form button[type=submit]")
    page.wait_for_load_state()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator("#id_message").get_attribute("aria-invalid") == "true"
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_message"
    assert axe_violations(page) == []


def test_report_is_stored_with_its_page_keyboard_only(page):
    open_form_from(page, SERVICE)
    assert axe_violations(page) == []
    page.focus("#id_message")
    page.keyboard.type("Le numéro de téléphone ne répond plus (clavier).")
    page.keyboard.press("Tab")
    page.keyboard.type("resident@example.ch")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit", "the honeypot is skipped"
    page.keyboard.press("Enter")
    page.wait_for_url("**/report-a-problem/thanks/**")
    assert page.locator(f"main a[href='{SERVICE}']").is_visible()
    assert axe_violations(page) == []
    report = ProblemReport.objects.get(message="Le numéro de téléphone ne répond plus (clavier).")
    assert (report.page_path, report.contact) == (SERVICE, "resident@example.ch")


def test_spam_filling_the_hidden_field_is_not_stored(page):
    open_form_from(page, SERVICE)
    page.fill("#id_message", "Cheap pills")
    page.evaluate("document.querySelector('#id_website').value = 'http://spam.example'")
    page.click(".report-form button[type=submit]")
    page.wait_for_url("**/report-a-problem/thanks/**")
    assert not ProblemReport.objects.filter(message="Cheap pills").exists()


def test_form_works_without_javascript(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/en/report-a-problem/?page={SERVICE}")
    page.fill("#id_message", "Opening hours on Monday are wrong (no JavaScript).")
    page.click(".report-form button[type=submit]")
    page.wait_for_url("**/report-a-problem/thanks/**")
    context.close()
    report = ProblemReport.objects.get(message="Opening hours on Monday are wrong (no JavaScript).")
    assert (report.page_path, report.language) == (SERVICE, "en")


def test_accessibility_statement_leads_to_the_report_form(page):
    page.goto("/fr/declaration-accessibilite/")
    page.click("main a[href*='report-a-problem']")
    page.wait_for_url("**/report-a-problem/**")
    path = page.locator("input[name=page_path]").get_attribute("value")
    assert path == "/fr/declaration-accessibilite/"
