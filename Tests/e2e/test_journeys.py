"""Browser journeys against a running `laurel serve` (headless Chromium through Selenium).

LAUREL_URL is the server's address (default http://127.0.0.1:8080); the demo data must be loaded.
"""
import os
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("LAUREL_URL", "http://127.0.0.1:8080")


@pytest.fixture
def browser():
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=vi"):
        options.add_argument(flag)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def click_and_wait(browser, element):
    """Clicks something that loads a new page, and waits until the new page has loaded.

    The old page is marked with a window property that a new document does not have. Asking a
    detached element whether it is stale (expected_conditions.staleness_of) raced with the
    navigation in Chromium 156 ("Node with given id does not belong to the document"), so the
    wait asks the window instead and treats any driver error in mid-navigation as "not yet".
    """
    browser.execute_script("window.__laurelOldPage = true;")
    element.click()

    def new_page_loaded(driver):
        try:
            return driver.execute_script(
                "return window.__laurelOldPage !== true && document.readyState === 'complete';")
        except WebDriverException:
            return False

    WebDriverWait(browser, 15).until(new_page_loaded)


def sign_in(browser, username, password):
    browser.get(BASE + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))


def test_officer_creates_a_unit_adds_a_person_finds_them_and_sees_the_audit(browser):
    suffix = uuid.uuid4().hex[:6].upper()
    sign_in(browser, "canbo.hanoi", "laurel-demo")
    assert "Tổng quan" in browser.title

    # A new unit under Hà Nội.
    browser.get(BASE + "/units/new")
    browser.find_element(By.ID, "code").send_keys(f"HN-E2E-{suffix}")
    browser.find_element(By.ID, "name").send_keys(f"Phòng Thi đua Thử {suffix}")
    Select(browser.find_element(By.ID, "kind")).select_by_value("department")
    Select(browser.find_element(By.ID, "parentId")).select_by_visible_text("Thành phố Hà Nội (HN)")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    assert f"Phòng Thi đua Thử {suffix}" in browser.find_element(By.TAG_NAME, "h1").text
    unit_url = browser.current_url

    # A person in it, with a name full of diacritics.
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Thêm cá nhân"))
    full_name = f"Đặng Thị Ánh Nguyệt {suffix}"
    browser.find_element(By.ID, "fullName").send_keys(full_name)
    browser.find_element(By.ID, "birthDate").send_keys("05061990")
    click_and_wait(browser, browser.find_element(By.ID, "save"))
    assert full_name in browser.find_element(By.TAG_NAME, "h1").text

    # Found by an unaccented, lowercase search.
    browser.get(BASE + "/people")
    box = browser.find_element(By.ID, "q")
    box.send_keys(f"dang thi anh nguyet {suffix.lower()}")
    click_and_wait(browser, browser.find_element(By.ID, "search-button"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#people-table tbody tr")
    assert len(rows) == 1 and full_name in rows[0].text

    # The audit log shows who created the person.
    browser.get(BASE + "/audit?entity=person")
    first = browser.find_element(By.CSS_SELECTOR, "#audit-table tbody tr")
    assert "canbo.hanoi" in first.text and full_name in first.text
    assert unit_url


def test_form_errors_are_shown_next_to_the_field(browser):
    sign_in(browser, "canbo.hanoi", "laurel-demo")
    browser.get(BASE + "/people/new")
    click_and_wait(browser, browser.find_element(By.ID, "save"))
    assert "Trường này là bắt buộc." in browser.find_element(By.CSS_SELECTOR, "label.invalid .error").text


def test_an_officer_is_refused_another_provinces_page(browser):
    sign_in(browser, "admin", "laurel-admin")
    browser.get(BASE + "/units?q=da%20nang")
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "Đà Nẵng").get_attribute("href")
    browser.get(BASE + "/login")
    browser.delete_all_cookies()
    sign_in(browser, "canbo.hanoi", "laurel-demo")
    browser.get(link)
    assert "Không tìm thấy" in browser.find_element(By.ID, "error-message").text
    assert "Đà Nẵng" not in browser.page_source


def test_english_can_be_chosen(browser):
    sign_in(browser, "admin", "laurel-admin")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "English"))
    assert "Dashboard" in browser.find_element(By.TAG_NAME, "h1").text
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Tiếng Việt"))
    assert "Tổng quan" in browser.find_element(By.TAG_NAME, "h1").text


def api(method, path, body=None, token=None):
    """A JSON call to the API (setup that has no page: creating a ballot)."""
    import json
    import urllib.request
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode())


def demo_block(token):
    """The demo's block of Hà Nội's departments (other journeys found blocks of their own)."""
    return next(c for c in api("GET", "/api/v1/clusters", token=token)["items"] if c["code"] == "KHOI-SO-HN")


def test_a_member_self_scores_the_leader_verifies_the_ranking_appears_and_a_ballot_is_held(browser):
    token = api("POST", "/api/v1/auth/token", {"username": "canbo.hanoi", "password": "laurel-demo"})["token"]
    cluster = demo_block(token)
    season = cluster["seasons"][0]["id"]
    members = api("GET", f"/api/v1/seasons/{season}", token=token)["members"]
    education = next(m for m in members if "Giáo dục" in m["unitName"])

    # The Department of Education's officer fills in its own grid.
    sign_in(browser, "canbo.sogiaoduc.hanoi", "laurel-demo")
    browser.get(BASE + f"/seasons/{season}")
    for code, points in (("1.1", "29"), ("1.2", "18,5"), ("2.1", "15"), ("D1", "-2")):
        field = browser.find_element(By.NAME, "s_" + code)
        field.clear()
        field.send_keys(points)
    click_and_wait(browser, browser.find_element(By.ID, "submit-self-score"))
    assert "Đã lưu" in browser.page_source

    # The leader (Department of Home Affairs) verifies it; the ranking shows it.
    browser.delete_all_cookies()
    sign_in(browser, "canbo.sonoivu.hanoi", "laurel-demo")
    browser.get(BASE + f"/seasons/{season}?target={education['unitId']}")
    click_and_wait(browser, browser.find_element(By.ID, "submit-verify"))
    ranking = browser.find_element(By.ID, "ranking-table").text
    assert education["unitName"] in ranking  # verified, so ranked

    # A ballot: the Department of Health votes through the page, once.
    ballot = api("POST", "/api/v1/ballots", {"purpose": "Đề nghị tặng Cờ thi đua (thử)", "subject": {"kind": "season", "id": season},
                                             "candidates": [education["unitId"]], "voters": [m["unitId"] for m in members],
                                             "seats": 1, "threshold": "4/5"}, token)
    browser.delete_all_cookies()
    sign_in(browser, "canbo.soyte.hanoi", "laurel-demo")
    browser.get(BASE + f"/ballots/{ballot['id']}")
    browser.find_element(By.CSS_SELECTOR, "#vote-form input[name=choice]").click()
    click_and_wait(browser, browser.find_element(By.ID, "cast-vote"))
    assert "đã được ghi nhận" in browser.page_source
    assert not browser.find_elements(By.ID, "cast-vote")


def set_date(browser, element_id, value):
    """Date inputs take the browser's local format when typed; the value is set as ISO instead."""
    browser.execute_script("document.getElementById(arguments[0]).value = arguments[1];", element_id, value)


def test_an_officer_launches_a_movement_from_the_form_attaches_its_plan_and_reads_the_minutes(browser, tmp_path):
    suffix = uuid.uuid4().hex[:6].upper()
    sign_in(browser, "canbo.hanoi", "laurel-demo")

    # A movement written in the form, with one bad field first: the error is shown, nothing saved.
    browser.get(BASE + "/movements/new")
    Select(browser.find_element(By.ID, "launcherUnitId")).select_by_visible_text("Thành phố Hà Nội (HN)")
    set_date(browser, "startDate", "2026-01-01")
    set_date(browser, "endDate", "2025-12-31")
    click_and_wait(browser, browser.find_element(By.ID, "save-movement"))
    assert "invalid" in browser.find_element(By.ID, "name").find_element(By.XPATH, "..").get_attribute("class")

    browser.find_element(By.ID, "name").send_keys(f"Thi đua chuyển đổi số {suffix}")
    set_date(browser, "startDate", "2026-01-01")
    set_date(browser, "endDate", "2028-12-31")
    browser.find_element(By.ID, "contents").send_keys("Số hoá hồ sơ khen thưởng\nDịch vụ công trực tuyến toàn trình")
    browser.find_element(By.NAME, "deadline_title_1").send_keys("Báo cáo sơ kết")
    browser.execute_script("document.getElementsByName('deadline_due_1')[0].value = '2027-06-30';")
    browser.find_element(By.CSS_SELECTOR, "input[name=plannedForms][value=CSTDCS]").click()
    click_and_wait(browser, browser.find_element(By.ID, "save-movement"))
    assert f"Thi đua chuyển đổi số {suffix}" in browser.find_element(By.TAG_NAME, "h1").text
    assert "Dịch vụ công trực tuyến toàn trình" in browser.page_source

    # Launched, then its plan attached through the upload form.
    click_and_wait(browser, browser.find_element(By.ID, "launch"))
    plan = tmp_path / "ke-hoach.pdf"
    plan.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    form = browser.find_element(By.ID, "attach-form")
    form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(plan))
    click_and_wait(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "ke-hoach.pdf" in browser.find_element(By.XPATH, "//h2[@id='attachments']/following-sibling::ul[1]").text

    # The block's minutes, from the season's tab bar.
    token = api("POST", "/api/v1/auth/token", {"username": "canbo.hanoi", "password": "laurel-demo"})["token"]
    season = demo_block(token)["seasons"][0]["id"]
    browser.get(BASE + f"/seasons/{season}")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, f"nav.tabs a[href='/seasons/{season}/minutes']"))
    assert "BIÊN BẢN" in browser.page_source
    assert browser.find_element(By.ID, "minutes-docx").get_attribute("href").endswith(f"/seasons/{season}/minutes.docx")


def test_an_officer_checks_a_people_file_sees_its_bad_rows_then_imports_it_and_finds_the_people(browser, tmp_path):
    suffix = uuid.uuid4().hex[:6].upper()
    sign_in(browser, "canbo.hanoi", "laurel-demo")
    rows = [
        "Họ và tên,Giới tính,Ngày sinh,Mã đơn vị,Chức vụ,Đối tượng,Giữ chức vụ quản lý,Dân tộc",
        f"Lê Thị Nhập {suffix},Nữ,14/03/1985,HN-S1,Chuyên viên,Công chức,không,Kinh",
        f"Trần Văn Nhập {suffix},Nam,02/09/1979,HN-S2,Phó Giám đốc,Công chức,có,Tày",
    ]

    def upload(lines, dry_run):
        path = tmp_path / f"nguoi-{uuid.uuid4().hex[:4]}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        browser.get(BASE + "/imports")
        form = browser.find_element(By.CSS_SELECTOR, "#import-people form")
        form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
        box = form.find_element(By.NAME, "dryRun")
        if box.is_selected() != dry_run:
            box.click()
        click_and_wait(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        return browser.find_element(By.ID, "import-outcome").text

    # A bad unit code and a bad date: every bad row is listed and nothing is written.
    bad = rows + [f"Phạm Lỗi {suffix},Nam,31/02/1990,KHONG-CO,Chuyên viên,Công chức,không,Kinh"]
    assert "có lỗi" in upload(bad, dry_run=False)
    errors = browser.find_element(By.ID, "import-errors").text
    assert "KHONG-CO" in errors or "Mã đơn vị" in errors
    browser.get(BASE + "/people?q=" + suffix.lower())
    assert f"Lê Thị Nhập {suffix}" not in browser.page_source

    # The good file: a dry run says it is clean, the import writes both people.
    assert "hợp lệ" in upload(rows, dry_run=True)
    assert "Đã nhập xong" in upload(rows, dry_run=False)
    browser.get(BASE + "/people?q=nhap " + suffix.lower())
    page = browser.page_source
    assert f"Lê Thị Nhập {suffix}" in page and f"Trần Văn Nhập {suffix}" in page


def test_an_organiser_founds_a_block_opens_its_season_from_the_forms_and_opens_a_ballot(browser):
    suffix = uuid.uuid4().hex[:6].upper()
    sign_in(browser, "canbo.hanoi", "laurel-demo")

    # The block, founded by the city with three of its departments.
    browser.get(BASE + "/clusters/new")
    browser.find_element(By.ID, "code").send_keys(f"KHOI-{suffix}")
    browser.find_element(By.ID, "name").send_keys(f"Khối thi đua thử {suffix}")
    Select(browser.find_element(By.ID, "kind")).select_by_value("block")
    Select(browser.find_element(By.ID, "organiserUnitId")).select_by_visible_text("Thành phố Hà Nội (HN)")
    browser.find_element(By.ID, "decisionNumber").send_keys(f"{suffix}/QĐ-UBND")
    set_date(browser, "decisionDate", "2026-01-15")
    members = Select(browser.find_element(By.ID, "memberUnitIds"))
    for department in ("HN-S1", "HN-S2", "HN-S4"):
        members.select_by_visible_text(next(o.text for o in members.options if o.text.endswith(f"({department})")))
    click_and_wait(browser, browser.find_element(By.ID, "save-cluster"))
    assert f"Khối thi đua thử {suffix}" in browser.find_element(By.TAG_NAME, "h1").text
    assert "Sở Y tế Thành phố Hà Nội" in browser.page_source

    # Its first season, with a criteria table typed in (a decimal comma accepted).
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "a[href$='/seasons/new']"))
    Select(browser.find_element(By.ID, "leaderUnitId")).select_by_visible_text("Sở Nội vụ Thành phố Hà Nội")
    Select(browser.find_element(By.ID, "deputyUnitId")).select_by_visible_text("Sở Tài chính Thành phố Hà Nội")
    for row, (code, title, points) in enumerate((("1.1", "Hoàn thành nhiệm vụ chuyên môn", "60"), ("1.2", "Công tác thi đua, khen thưởng", "39,5"))):
        browser.find_element(By.NAME, f"c{row}_section").send_keys("I")
        browser.find_element(By.NAME, f"c{row}_sectionTitle").send_keys("Thực hiện nhiệm vụ")
        browser.find_element(By.NAME, f"c{row}_code").send_keys(code)
        browser.find_element(By.NAME, f"c{row}_title").send_keys(title)
        browser.find_element(By.NAME, f"c{row}_maxPoints").send_keys(points)
    click_and_wait(browser, browser.find_element(By.ID, "save-season"))
    assert "/setup" in browser.current_url

    # A ballot opened from the votes tab: the health department is the only candidate.
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "nav.tabs a[href$='/votes']"))
    browser.find_element(By.ID, "purpose").send_keys("Đề nghị tặng Cờ thi đua của UBND Thành phố")
    candidates = browser.find_element(By.ID, "candidates")
    next(label for label in candidates.find_elements(By.TAG_NAME, "label") if "Y tế" in label.text).find_element(By.TAG_NAME, "input").click()
    votes = browser.current_url
    click_and_wait(browser, browser.find_element(By.ID, "open-ballot-submit"))
    assert "Đề nghị tặng Cờ thi đua của UBND Thành phố" in browser.find_element(By.TAG_NAME, "h1").text  # the new ballot's page
    browser.get(votes)
    assert "Đề nghị tặng Cờ thi đua của UBND Thành phố" in browser.find_element(By.ID, "votes-ballots").text
