import pytest

from coffeechat.questions.coach import check_plan, check_question, classify, coach_questions_json

# (question, open_ended, googleable, asks_for_job)
QUESTIONS = [
    ("Can you walk me through how you got your current role?", True, False, False),
    ("Could you describe a typical week?", True, False, False),
    ("Can you tell me what surprised you most in your first year?", True, False, False),
    ("Would you share how you decided to leave teaching?", True, False, False),
    ("Could you explain what a product owner does on your team day to day?", True, False, False),
    ("Would you mind telling me how you prepared for the licensing exam?", True, False, False),
    ("What do you enjoy most about your work?", True, False, False),
    ("How did you find your first job in this field?", True, False, False),
    ("Why did you choose public health over medicine?", True, False, False),
    ("Which skills matter most for someone starting out?", True, False, False),
    ("Tell me about a project you are proud of.", True, False, False),
    ("Describe the hardest decision you made last year.", True, False, False),
    ("Walk me through your path from accounting into data science.", True, False, False),
    ("In your view, what makes a good analyst?", True, False, False),
    ("Looking back, what would you have done differently?", True, False, False),
    ("If you were starting today, where would you begin?", True, False, False),
    ("What does a typical day look like for you?", True, False, False),
    ("What do you wish you had known before joining this field?", True, False, False),
    ("How do people hear about openings in your team?", True, False, False),
    ("How did you get hired here?", True, False, False),
    ("What do hiring managers look for in junior candidates?", True, False, False),
    ("What does the hiring process look like in this field?", True, False, False),
    ("What salary range is realistic for a new graduate?", True, False, False),
    ("Who else would you suggest I talk to?", True, False, False),
    ("What should I have asked you that I didn't?", True, False, False),
    ("How is AI changing the work you do?", True, False, False),
    ("What part of the company's work do you find most interesting?", True, False, False),
    ("What is the hardest part of your job?", True, False, False),
    ("What is it like to work in a hospital laboratory?", True, False, False),
    ("Do you like your job?", False, False, False),
    ("Do you enjoy working with clients?", False, False, False),
    ("Is it stressful?", False, False, False),
    ("Are you happy with your career choice?", False, False, False),
    ("Did you study engineering?", False, False, False),
    ("Have you always worked in finance?", False, False, False),
    ("Is it true that consultants travel every week?", False, False, False),
    ("Would you recommend this field?", False, False, False),
    ("Should I get a master's degree first?", False, False, False),
    ("Do you prefer working in a startup or a large company?", False, False, False),
    ("Was the transition hard?", False, False, False),
    ("Does your team work remotely?", False, False, False),
    ("Can I learn this on my own?", False, False, False),
    ("Will this field still exist in ten years?", False, False, False),
    ("How many people work at your company?", True, True, False),
    ("What does your company do?", True, True, False),
    ("Where is your headquarters?", True, True, False),
    ("When was the firm founded?", True, True, False),
    ("Who is the CEO?", True, True, False),
    ("What products does Contoso sell?", True, True, False),
    ("What was the company's revenue last year?", True, True, False),
    ("What is agile?", True, True, False),
    ("What is a product manager?", True, True, False),
    ("What does UX stand for?", True, True, False),
    ("How many offices does the agency have?", True, True, False),
    ("Is your company public?", False, True, False),
    ("What is your company's mission statement?", True, True, False),
    ("Where are the company's offices?", True, True, False),
    ("Are you hiring?", False, False, True),
    ("Could you pass my resume to HR?", False, False, True),
    ("Can you refer me for the opening on your team?", False, False, True),
    ("Are there any internships available this summer?", False, False, True),
    ("Do you have any open positions?", False, False, True),
    ("Could you get me an interview?", False, False, True),
    ("Would you hire me?", False, False, True),
    ("Can I work for you this summer?", False, False, True),
    ("Would you keep me in mind for future roles?", False, False, True),
    ("Could you put in a good word for me with the hiring manager?", False, False, True),
    ("Is your team hiring right now?", False, False, True),
    ("Could you forward my CV to your recruiter?", False, False, True),
    ("How do I apply for a role on your team?", True, False, True),
    ("Will you recommend me for the analyst position?", False, False, True),
    ("Can you send my application to the lab manager?", False, False, True),
    ("Is there any opening I could apply to?", False, False, True),
    ("What kinds of projects take up most of your time?", True, False, False),
    ("How do you keep your knowledge current?", True, False, False),
    ("Which associations are worth joining?", True, False, False),
    ("What worries people in your industry about the future?", True, False, False),
    ("How would you describe the culture on your team?", True, False, False),
    ("What kind of person thrives here?", True, False, False),
    ("How does pay grow with experience here?", True, False, False),
    ("What makes a candidate stand out?", True, False, False),
    ("How do you handle the pressure at year end?", True, False, False),
    ("What keeps you in this field?", True, False, False),
    ("Which books should I read to understand the field?", True, False, False),
]


def test_there_are_at_least_80_and_each_flag_shows_both_ways():
    assert len(QUESTIONS) >= 80
    for index in (1, 2, 3):
        assert {row[index] for row in QUESTIONS} == {True, False}


@pytest.mark.parametrize(("question", "open_ended", "googleable", "job"), QUESTIONS, ids=[q[0][:50] for q in QUESTIONS])
def test_the_question_flags(question, open_ended, googleable, job):
    report = check_question(question)
    assert (report.open_ended, report.googleable, report.asks_for_job) == (open_ended, googleable, job)
    for finding in report.findings:
        assert finding.message and bool(finding.fix) is (not finding.ok)


CATEGORIES = [
    ("How did you get started in this field?", "background"), ("What did you study before this?", "background"),
    ("What does a typical week look like?", "day_to_day"), ("How do you spend most of your time?", "day_to_day"),
    ("What do you enjoy most about your work?", "rewards"), ("What makes you proud of your work?", "rewards"),
    ("What is the hardest part of the job?", "challenges"), ("What frustrates you about this industry?", "challenges"),
    ("What salary can a beginner expect?", "compensation"), ("Which benefits matter most?", "compensation"),
    ("How is the field changing?", "trends"), ("Where will this industry be in five years?", "trends"),
    ("What advice would you give someone like me?", "advice"), ("What would you do differently if you were starting out?", "advice"),
    ("What do hiring managers look for?", "hiring"), ("How do people break into this field?", "hiring"),
    ("How would you describe the culture here?", "culture"), ("How do people manage work-life balance?", "culture"),
    ("Which podcasts should I listen to?", "resources"), ("Which conferences are worth attending?", "resources"),
    ("Who else should I talk to?", "referrals"), ("May I mention your name when I contact them?", "referrals"),
    ("What should I have asked that I didn't?", "other"), ("What is your favourite colour of stapler?", "rewards"),
]


@pytest.mark.parametrize(("question", "category"), CATEGORIES, ids=[c[0][:40] for c in CATEGORIES])
def test_categories(question, category):
    assert classify(question) == category


def test_rewrite_suggestions():
    assert check_question("Do you like your job?").findings[0].fix == "What do you enjoy most about your work?"
    assert "interesting" in check_question("What does your company do?").findings[1].fix
    assert "hear about openings" in check_question("Are you hiring?").findings[2].fix


def good_plan():
    return [
        "How did you get started?", "What does a typical week look like?", "What do you enjoy most?",
        "What is the hardest part?", "How is the field changing?", "What salary can a beginner expect?",
        "How do people break into this field?", "What advice would you give me?", "Which podcasts should I follow?",
        "Who else should I talk to?", "What should I have asked that I didn't?",
    ]


def test_a_good_plan_passes_every_plan_check():
    report = check_plan(good_plan(), [True, True, False, False, False, False, False, True, False, True, False])
    assert report.count == 11 and report.must_ask_count == 4
    assert report.has_referral_question and report.has_closing_question
    assert all(f.ok for f in report.findings), [f for f in report.findings if not f.ok]
    assert "culture" in report.categories_missing and "referrals" in report.categories_covered


@pytest.mark.parametrize(("questions", "failing"), [
    (good_plan()[:5], "count"), (good_plan() * 2, "count"),
    ([q for q in good_plan() if "else" not in q], "referral_question"),
    ([q for q in good_plan() if "should I have" not in q], "closing_question"),
    (["Do you like it?"] * 12, "categories"),
])
def test_plan_problems(questions, failing):
    report = check_plan(questions)
    assert not next(f for f in report.findings if f.id == failing).ok
    assert report.must_ask_count is None


def test_must_ask_count_outside_4_to_5_is_flagged():
    report = check_plan(good_plan(), [True] * 7 + [False] * 4)
    assert not next(f for f in report.findings if f.id == "must_ask_count").ok


def test_the_json_shape_and_line_cleaning():
    data = coach_questions_json(["# my plan", "", "1. Do you like your job?", "- Who else should I talk to?", "* What should I have asked?"])
    assert [q["text"] for q in data["questions"]] == ["Do you like your job?", "Who else should I talk to?", "What should I have asked?"]
    assert set(data["questions"][0]) == {"text", "open_ended", "googleable", "asks_for_job", "category", "findings"}
    assert {"count", "categories_covered", "has_referral_question", "has_closing_question", "findings"} <= set(data["plan"])
    assert data["plan"]["count"] == 3 and data["plan"]["has_referral_question"] and data["plan"]["has_closing_question"]
