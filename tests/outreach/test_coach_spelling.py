"""Spelling advice: several English variants are fine, and so is every word Coffeechat's own texts use."""

from coffeechat.outreach.coach import check_email
from coffeechat.outreach.coach.appwords import WORD_LIST, app_words
from coffeechat.outreach.coach.spelling import dictionary_knows, known, misspelled

BRITISH_AND_CANADIAN = """organisation organisations programme programmes colour colours centre centres centred travelled
travelling licence defence favourite behaviour honour neighbourhood analyse analysed catalogue judgement modelling
labelled cancelled counsellor panellists recognise realised specialisation apologise enrolment fulfil skilful
paediatric anaesthesia orthopaedics fibre theatre litres manoeuvre maths whilst amongst learnt grey cheque"""


def test_british_canadian_and_american_spellings_are_all_accepted():
    assert misspelled(BRITISH_AND_CANADIAN) == []
    assert misspelled("organization program color center traveled analyze pediatric") == []


def test_real_typos_are_still_found_once_each_in_order():
    assert misspelled("I am intrested in recieving advise from teh goverment, intrested!") == [
        "intrested", "recieving", "teh", "goverment"]
    assert not check_email("Hi,\n\nI am intrested in your work.\n\nBest,\nA").checks["spelling"]


def test_names_links_and_given_names_are_left_alone():
    assert misspelled("Write to zoë.k@dalhousie.ca or see www.kowalczyk.dev; Kowalczyk agreed") == []
    assert misspelled("ask ngozi", known_names=["Ngozi Okafor"]) == []


def test_no_word_of_the_apps_own_texts_is_ever_flagged():
    words = app_words()
    assert {"organisation", "colour", "programme", "googleable"} <= words  # the texts really are read
    assert [w for w in sorted(words) if not known(w)] == [], "run python -m coffeechat.outreach.coach.appwords"


def test_the_shipped_word_list_holds_only_what_the_dictionary_lacks():
    shipped = WORD_LIST.read_text(encoding="utf-8").split()
    assert shipped == sorted(shipped) and not [w for w in shipped if dictionary_knows(w)]
