#!/usr/bin/env python3
"""Browser tests of the built handbook, opened from file:// in headless Chromium.

Usage: test_site.py SITE_FOLDER [--axe AXE_MIN_JS]

Tests the search box, the exercise plan and print.html as a reader meets them, with and
without JavaScript, and runs axe-core on a few pages when its script is given. Needs
Debian's chromium, chromium-driver and python3-selenium (Tests/browser/run.sh installs
them). Prints one line per test, then `N passed, M failed`; exits 1 on any failure.
"""
import json
import pathlib
import sys
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT = 10  # seconds; every wait is for a condition, never a fixed sleep

TESTS = []


def test(function):
    TESTS.append(function)
    return function


class Site:
    """The site folder, and one browser with and one without JavaScript."""

    def __init__(self, folder, axe):
        self.root = pathlib.Path(folder).resolve()
        self.axe = pathlib.Path(axe).read_text(encoding="utf-8") if axe else None
        self.browser = self.start(javascript=True)
        self.plain = self.start(javascript=False)

    @staticmethod
    def start(javascript):
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,900"):
            options.add_argument(argument)
        if not javascript:
            options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)

    def url(self, path):
        return (self.root / path).as_uri()

    def open(self, path, browser=None):
        browser = browser or self.browser
        browser.get(self.url(path))
        return browser

    def close(self):
        self.browser.quit()
        self.plain.quit()


def wait(browser, condition, message):
    return WebDriverWait(browser, WAIT).until(lambda _: condition(), message)


def media(browser, kind):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": kind})


def shown(element):
    return element.value_of_css_property("display") != "none" and element.is_displayed()


def search_box(browser):
    box = browser.find_element(By.CSS_SELECTOR, "[data-search]")
    wait(browser, box.is_displayed, "search box never shown")
    return box.find_element(By.CSS_SELECTOR, "input[role=combobox]")


def type_query(browser, text):
    field = search_box(browser)
    field.click()
    field.send_keys(text)
    wait(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option]"), f"no results for {text!r}")
    return field


# Search

@test
def search_is_hidden_without_javascript(site):
    browser = site.open("index.html", site.plain)
    assert not browser.find_element(By.CSS_SELECTOR, "[data-search]").is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "a[href='exercises/index.html']"), "exercise index still reachable"


@test
def search_index_loads_only_on_first_use(site):
    browser = site.open("index.html")
    search_box(browser)
    assert browser.execute_script("return typeof window.handbookSearchIndex") == "undefined"
    assert not browser.find_elements(By.CSS_SELECTOR, "script[src*='search-index']")
    search_box(browser).click()
    wait(browser, lambda: browser.execute_script("return typeof window.handbookSearchIndex") == "object", "index never loaded")


@test
def arrow_and_enter_open_a_result_from_a_nested_page(site):
    browser = site.open("exercises/bridge.html")
    field = type_query(browser, "hamstr")
    options = browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option]")
    assert "Hamstring" in options[0].text, options[0].text
    assert field.get_attribute("aria-expanded") == "true"
    field.send_keys(Keys.ARROW_DOWN)
    assert field.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "true"
    field.send_keys(Keys.ENTER)
    wait(browser, lambda: browser.current_url.endswith("/exercises/hamstring-stretch.html"), "Enter did not open the page")


@test
def title_hits_rank_first_and_arrows_wrap(site):
    browser = site.open("index.html")
    field = type_query(browser, "walking")
    options = browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option]")
    assert options[0].find_element(By.CSS_SELECTOR, ".search-option-title").text == "Walking"
    assert len(options) > 1, "body hits listed after the title hit"
    field.send_keys(Keys.ARROW_UP)
    assert field.get_attribute("aria-activedescendant") == options[-1].get_attribute("id")
    field.send_keys(Keys.ARROW_DOWN)
    assert field.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    status = browser.find_element(By.ID, "search-status")
    wait(browser, lambda: "found" in status.get_attribute("textContent"), "result count not announced")


@test
def escape_closes_the_list_then_clears_the_box(site):
    browser = site.open("index.html")
    field = type_query(browser, "sciat")
    field.send_keys(Keys.ESCAPE)
    assert not browser.find_element(By.ID, "search-results").is_displayed()
    assert field.get_attribute("aria-expanded") == "false"
    field.send_keys(Keys.ESCAPE)
    assert field.get_attribute("value") == ""


@test
def a_query_that_matches_nothing_says_so(site):
    browser = site.open("index.html")
    field = search_box(browser)
    field.click()
    field.send_keys("zzzqqq")
    status = browser.find_element(By.ID, "search-status")
    wait(browser, lambda: "No pages" in status.get_attribute("textContent"), "no 'nothing found' message")
    assert not browser.find_element(By.ID, "search-results").is_displayed()


# My exercise plan

def plan_boxes(browser):
    return browser.find_elements(By.CSS_SELECTOR, "[data-plan-pick]")


def fresh_plan(site, fragment=""):
    browser = site.open("plan.html")
    browser.execute_script("localStorage.clear()")
    browser.get(site.url("plan.html") + fragment)
    browser.refresh()  # a new fragment alone does not reload the page
    wait(browser, lambda: browser.find_element(By.CSS_SELECTOR, "[data-plan-picker]").is_displayed(), "picker not shown")
    return browser


@test
def plan_selection_survives_a_reload(site):
    browser = fresh_plan(site)
    boxes = plan_boxes(browser)
    assert len(boxes) >= 2
    picked = [boxes[0].get_attribute("value"), boxes[-1].get_attribute("value")]
    for key in picked:
        label = browser.find_element(By.CSS_SELECTOR, f"label[for='pick-{key}']")
        # The style scrolls smoothly; jump there so the click lands where the label is.
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", label)
        label.click()
    assert "plan=" in browser.current_url
    browser.refresh()
    checked = [box.get_attribute("value") for box in plan_boxes(browser) if box.is_selected()]
    assert sorted(checked) == sorted(picked), checked
    browser.get(site.url("plan.html"))  # no fragment: the device remembers
    checked = [box.get_attribute("value") for box in plan_boxes(browser) if box.is_selected()]
    assert sorted(checked) == sorted(picked), checked
    visible = [item.get_attribute("data-plan-item") for item in browser.find_elements(By.CSS_SELECTOR, "[data-plan-item]") if shown(item)]
    assert sorted(visible) == sorted(picked), visible


@test
def plan_address_restores_the_selection(site):
    browser = fresh_plan(site, "#plan=exercises__bridge,exercises__plank")
    checked = sorted(box.get_attribute("value") for box in plan_boxes(browser) if box.is_selected())
    assert checked == ["exercises__bridge", "exercises__plank"], checked


@test
def plan_prints_only_ticked_exercises_and_the_red_flags(site):
    browser = fresh_plan(site, "#plan=exercises__bridge")
    media(browser, "print")
    try:
        assert not shown(browser.find_element(By.CSS_SELECTOR, "[data-plan-picker]"))
        items = {item.get_attribute("data-plan-item"): shown(item) for item in browser.find_elements(By.CSS_SELECTOR, "[data-plan-item]")}
        assert [key for key, visible in items.items() if visible] == ["exercises__bridge"], items
        bridge = browser.find_element(By.ID, "exercises__bridge")
        for part in ("img", "ol", ".box-dose", ".box-stop"):
            assert shown(bridge.find_element(By.CSS_SELECTOR, part)), f"{part} missing from the printed exercise"
        assert shown(browser.find_element(By.CSS_SELECTOR, ".plan-red-flags"))
        assert shown(browser.find_element(By.CSS_SELECTOR, ".emergency"))
    finally:
        media(browser, "")


@test
def plan_without_javascript_prints_every_exercise(site):
    browser = site.open("plan.html", site.plain)
    media(browser, "print")
    try:
        items = browser.find_elements(By.CSS_SELECTOR, "[data-plan-item]")
        assert len(items) > 1 and all(shown(item) for item in items)
        assert not shown(browser.find_element(By.CSS_SELECTOR, "[data-plan-picker]"))
    finally:
        media(browser, "")


# print.html

@test
def print_page_holds_every_page_once_with_unique_ids(site):
    browser = site.open("print.html")
    robots = browser.find_element(By.CSS_SELECTOR, "meta[name=robots]").get_attribute("content")
    assert robots == "noindex"
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1
    ids = browser.execute_script("return Array.from(document.querySelectorAll('[id]'), e => e.id)")
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, duplicates
    sections = [p for p in site.root.iterdir() if (p / "index.html").exists() and p.name != "assets"]
    pages = [p for s in sections for p in s.glob("*.html") if p.name != "index.html"]
    chapters = browser.find_elements(By.CSS_SELECTOR, ".print-chapter")
    assert len(chapters) == len(sections), (len(chapters), len(sections))
    anchors = [a.get_attribute("id") for a in browser.find_elements(By.CSS_SELECTOR, ".print-page")]
    assert len(anchors) == len(pages) == len(set(anchors)), (len(anchors), len(pages))


@test
def print_page_links_stay_within_the_page(site):
    browser = site.open("print.html")
    hrefs = browser.execute_script(
        "return Array.from(document.querySelectorAll('main a[href]'), a => a.getAttribute('href'))")
    internal = [h for h in hrefs if h.startswith("#")]
    outside = [h for h in hrefs if not h.startswith(("#", "https:", "http:", "mailto:", "tel:"))]
    assert not outside, outside[:5]
    assert len(internal) > 50
    missing = browser.execute_script(
        "return arguments[0].filter(h => h.length > 1 && !document.getElementById(decodeURIComponent(h.slice(1))))", internal)
    assert not missing, missing[:5]
    broken = browser.execute_script(
        "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
    assert not broken, broken[:5]


@test
def print_page_breaks_between_chapters(site):
    browser = site.open("print.html")
    media(browser, "print")
    try:
        breaks = browser.execute_script(
            "return Array.from(document.querySelectorAll('.print-chapter'), c => getComputedStyle(c).breakBefore)")
        assert breaks and all(b == "page" for b in breaks), breaks
        assert not shown(browser.find_element(By.CSS_SELECTOR, ".site-header .header-link"))
    finally:
        media(browser, "")


# Structured data and accessibility

@test
def json_ld_parses_on_every_kind_of_page(site):
    for path in ("index.html", "exercises/bridge.html", "understanding/index.html", "safety/emergency-signs.html", "plan.html"):
        browser = site.open(path, site.plain)
        text = browser.find_element(By.CSS_SELECTOR, "script[type='application/ld+json']").get_attribute("textContent")
        data = json.loads(text)
        assert data["@context"] == "https://schema.org", path
        if path == "exercises/bridge.html":
            assert data["@type"] == "MedicalWebPage" and data["mainEntity"]["@type"] == "ExercisePlan"


AXE_PAGES = ("index.html", "exercises/index.html", "exercises/bridge.html", "safety/emergency-signs.html", "plan.html", "print.html")


@test
def axe_finds_no_serious_violations(site):
    if not site.axe:
        print("  (skipped: no axe-core script given)")
        return
    problems = []
    for path in AXE_PAGES:
        browser = site.open(path)
        if browser.find_elements(By.CSS_SELECTOR, "[data-search]"):
            search_box(browser).click()  # also check the search box once it is shown
        browser.execute_script(site.axe)
        browser.set_script_timeout(180)  # print.html is long, and CI machines are small
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));")
        assert isinstance(result, list), result
        for violation in result:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    assert not problems, "\n".join(problems)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    axe = argv[argv.index("--axe") + 1] if "--axe" in argv else None
    site = Site(argv[1], axe)
    passed = failed = 0
    try:
        for function in TESTS:
            try:
                function(site)
                passed += 1
                print(f"ok   {function.__name__}")
            except Exception:  # a failing test reports and the rest still run
                failed += 1
                print(f"FAIL {function.__name__}")
                # Selenium's own stack traces name only addresses: keep the test's lines.
                report = traceback.format_exc().split("Stacktrace:")[0].strip()
                print("  " + report.replace("\n", "\n  "))
    finally:
        site.close()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
