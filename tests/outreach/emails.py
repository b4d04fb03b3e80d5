"""Realistic request emails written for these tests, with what the coach must say about each.

Each entry: (id, text, expected checks). Only the checks named are asserted for that email.
"""

GOOD_REFERRED = """Subject: Priya Shah suggested I get in touch

Dear Hélène,

Priya Shah suggested I write to you. I'm Zoë Kowalczyk, a final-year nursing student at Dalhousie, and I am trying to learn more about nursing informatics.

Your work leading the move to electronic charting at Northwind Health is exactly what I hope to learn about.

Could you spare 20 minutes for a short video call? Tuesday after 2 pm or Thursday morning would suit me. I am not asking about jobs, only hoping for your advice.

Thank you for considering it,
Zoë"""

EMAILS = [
    ("referred-complete", GOOD_REFERRED, {
        "introduces_self": True, "names_connection": True, "explains_why_them": True, "information_not_job": True,
        "asks_for_job": False, "clear_request": True, "time_bounded": True, "offers_availability": True, "brief": True}),
    ("linkedin-cold", """Subject: Question about your path into UX research

Hi Marcus,

I found your profile on LinkedIn while reading about UX research. My name is Daniel Osei and I teach high-school physics in Accra.

I was struck by how you moved from classroom teaching into research at Fabrikam, since that is the switch I am weighing.

Would you be open to a 15-minute phone call next Wednesday or Friday at 10:00? I'd love to hear how you made the change.

Best,
Daniel""", {"names_connection": True, "introduces_self": True, "explains_why_them": True, "clear_request": True,
            "time_bounded": True, "offers_availability": True, "information_not_job": True, "asks_for_job": False}),
    ("alumni", """Dear Dr. Okafor,

As a fellow McGill alumna, I hope you won't mind a note. I'm a second-year biochemistry student thinking about a career in clinical research.

Because you spent ten years running trials before moving into regulatory affairs, I would value your perspective on both paths.

Would you have half an hour in the next two weeks? I'm free on Mondays and Thursdays after 3pm.

With thanks,
Amara""", {"names_connection": True, "introduces_self": True, "explains_why_them": True, "time_bounded": True,
           "offers_availability": True, "clear_request": True, "information_not_job": True}),
    ("event-talk", """Hello Ms. Tanaka,

I heard your talk at the Data for Good meetup last Thursday and enjoyed your point about small datasets. I'm Lucas, a junior analyst at a logistics firm.

I'd be grateful for 20-25 minutes of your time to learn how you chose between consulting and an in-house role. March 12 or March 14 in the afternoon would work for me.

Kind regards,
Lucas""", {"names_connection": True, "introduces_self": True, "clear_request": True, "time_bounded": True,
           "offers_availability": True, "information_not_job": True}),
    ("association", """Dear Mr. García,

I found your name through the Project Management Institute member directory. I am a civil engineer hoping to move into construction project management.

Your work on the Madrid metro extension caught my attention.

Could we set up a 30 minute call? I'm available Tuesday 4 June or Wednesday 5 June, any time after 1 pm.

Sincerely,
Ingrid""", {"names_connection": True, "introduces_self": True, "explains_why_them": True, "clear_request": True,
            "time_bounded": True, "offers_availability": True}),
    ("spare-no-question-mark", """Hi Jo,

Sam Rivera gave me your email. I'm a bootcamp graduate learning about DevOps roles.

If you could spare 15 minutes sometime next week I would be very grateful.

Thanks,
Kai""", {"clear_request": True, "time_bounded": True, "names_connection": True, "offers_availability": False}),
    ("spare-imperative", """Hello Ana,

I am a third-year economics student. Please let me know if you could find 20 minutes for a chat about your work in public policy.

Best wishes,
Ravi""", {"clear_request": True, "time_bounded": True, "introduces_self": True, "names_connection": False}),
    ("half-an-hour", """Dear Priya,

Would half an hour over video be possible on Thursday? I'm a nurse exploring informatics.

Regards,
Tom""", {"time_bounded": True, "clear_request": True, "offers_availability": True}),
    ("quarter-hour", """Hi Lena,

Could you spare a quarter of an hour for a call on Monday morning? I'm a recent graduate curious about supply chain careers.

Cheers,
Ben""", {"time_bounded": True, "clear_request": True, "information_not_job": True}),
    ("hour-over-lunch", """Dear Mei,

I'm a marketing coordinator at a small agency. Would you be free for an hour over lunch next Tuesday? I'd love to hear about your move into brand strategy.

Best,
Olu""", {"time_bounded": False, "clear_request": True, "offers_availability": True, "information_not_job": True}),
    ("forty-five-minutes", """Hi Grace,

I'm a PhD student in ecology. Could we meet for 45 minutes on Friday at 2pm to talk about environmental consulting?

Thanks,
Noor""", {"time_bounded": False, "clear_request": True, "offers_availability": True}),
    ("range-too-long", """Dear Ahmed,

I'm a software tester. Would you have 30-45 minutes on Wednesday for a call about test automation careers?

Regards,
Eva""", {"time_bounded": False}),
    ("no-length", """Dear Laura,

I'm a law student. Would you be willing to talk with me about your work in legal tech on Tuesday?

Thank you,
Sofia""", {"time_bounded": False, "clear_request": True, "offers_availability": True}),
    ("no-request", """Dear Mr. Chen,

I'm a student at Waterloo studying mechanical engineering. I have followed your company's robotics work for a while and find it fascinating.

Best regards,
Hannah""", {"clear_request": False, "time_bounded": False, "offers_availability": False, "information_not_job": False}),
    ("next-week-only", """Hi Sara,

I'm a graphic designer. Could you spare 20 minutes next week to tell me about your path into product design?

Best,
Leo""", {"offers_availability": False, "clear_request": True, "time_bounded": True}),
    ("dates-numeric", """Hi Sara,

I'm a graphic designer. Could you spare 20 minutes on 3/14 or 3/15 to tell me about your path into product design?

Best,
Leo""", {"offers_availability": True}),
    ("are-you-hiring", """Subject: Are you hiring?

Hi Tom,

I'm a data analyst with three years of experience. Are you hiring for analysts at the moment? Could you spare 15 minutes on Friday?

Thanks,
Jess""", {"asks_for_job": True, "clear_request": True}),
    ("pass-resume", """Dear Ms. Patel,

I am a recent accounting graduate. I've attached my CV; could you pass my resume to HR? I'd be grateful for 20 minutes of your time on Monday.

Sincerely,
Aditya""", {"asks_for_job": True, "introduces_self": True}),
    ("referral-to-posting", """Hello Kim,

I'm a UX designer and I saw the Senior Designer posting on your careers page. Would you be willing to refer me for the role? Happy to chat for 15 minutes on Thursday.

Best,
Alex""", {"asks_for_job": True}),
    ("referral-for-opening", """Hi Rosa,

I'm an engineer at Contoso. Could you give me a referral for the opening on your team? A 10 minute call on Tuesday would be plenty.

Thanks,
Pat""", {"asks_for_job": True, "time_bounded": True}),
    ("any-openings", """Dear Dr. Singh,

I'm finishing my master's in public health. Do you know of any openings in your department? I'd love a 20-minute chat on Wednesday.

Best,
Maya""", {"asks_for_job": True}),
    ("good-word", """Hi Jordan,

I've applied for the analyst role at your firm and I'm hoping you could put in a good word for me. Could we talk for 15 minutes on Monday?

Thanks,
Chris""", {"asks_for_job": True}),
    ("keep-me-in-mind", """Dear Fatima,

I'm a recent biology graduate. I'd be grateful if you would keep me in mind for any lab positions. Could we speak for 20 minutes on Friday?

Regards,
Sam""", {"asks_for_job": True}),
    ("not-asking-for-a-job", """Dear Fatima,

I'm a recent biology graduate. To be clear, I'm not asking for a job; I'd simply like to learn how you moved from the bench into science policy. Could we speak for 20 minutes on Friday?

Regards,
Sam""", {"asks_for_job": False, "information_not_job": True, "explains_why_them": True}),
    ("not-looking-at-this-point", """Hi Omar,

I'm a teacher exploring instructional design. I'm not looking for a job at this point, only for advice on where to start. Would you have 20 minutes on Tuesday at 4pm?

Best,
Lina""", {"asks_for_job": False, "information_not_job": True}),
    ("job-as-a-nurse", """Dear Claire,

I'm a first-year nursing student. Your job as a nurse educator sounds fascinating and I'd love to hear how you got into teaching. Could you spare 20 minutes on Monday?

Thank you,
Ines""", {"asks_for_job": False, "information_not_job": True}),
    ("resume-for-background", """Dear Victor,

I'm a chemical engineer considering a move into patent law. I've attached my resume for background only. I'd value your advice: could we talk for 20 minutes on Thursday?

Best,
Hugo""", {"asks_for_job": False, "information_not_job": True}),
    ("how-people-hear-about-openings", """Hi Nadia,

I'm an economics student. I'd like to learn how people in your field usually hear about openings, and what you wish you had known. Would you be open to a 15-minute call on Wednesday?

Thanks,
Theo""", {"asks_for_job": False, "information_not_job": True}),
    ("looking-for-a-job", """Hello Mark,

I'm a recent graduate looking for a job in marketing. Could we have a 20 minute call on Friday?

Best,
Zara""", {"asks_for_job": True}),
    ("help-me-land", """Hi Julia,

I'm a paralegal. Could you help me get an interview at your firm? I'm free Monday at 11am for 15 minutes.

Thanks,
Ken""", {"asks_for_job": True}),
    ("internship-ask", """Dear Professor Ali,

I'm a sophomore in computer science. Are there any internships available in your lab this summer? I could meet for 20 minutes on Tuesday.

Best,
Wen""", {"asks_for_job": True}),
    ("no-intro", """Hi Beth,

Mutual friend Aisha Bello mentioned you work in wildlife conservation. Could you spare 20 minutes on Thursday afternoon to share some advice on getting started?

Thanks!
Jamie""", {"introduces_self": False, "names_connection": True, "information_not_job": True}),
    ("no-connection", """Dear Mr. Novak,

I'm a junior accountant interested in forensic accounting. I'd value your advice. Could we talk for 20 minutes on Wednesday at 3 pm?

Sincerely,
Petra""", {"names_connection": False, "introduces_self": True}),
    ("no-why-them", """Dear Ms. Laurent,

I'm a student at HEC. I found you through the alumni directory and would like to learn about careers in luxury retail. Could you spare 20 minutes on Friday?

Best,
Camille""", {"explains_why_them": False, "names_connection": True}),
    ("placeholders-left", """Dear Ms. Laurent,

I'm a student at HEC. [One sentence on what drew you to them specifically — an article, a project, their path.]

Could you spare 20 minutes on Friday?

Best,
Camille""", {"explains_why_them": False}),
    ("met-at-fair", """Hi Diego,

We met at the engineering career fair on Tuesday; I'm the mechatronics student who asked about your robotics team. I'd love to learn more about how you started there. Could we have a 20-minute call next Monday or Tuesday?

Thanks,
Ana""", {"names_connection": True, "introduces_self": True, "offers_availability": True}),
    ("podcast", """Dear Dr. Huang,

I listened to your podcast interview about rural telehealth and keep thinking about your point on trust. I'm a pharmacy student exploring digital health.

May I ask for 15 minutes of your time on Thursday 9 May? I'm hoping to understand how you built your career.

With gratitude,
Leila""", {"names_connection": True, "explains_why_them": True, "clear_request": True, "time_bounded": True, "offers_availability": True}),
    ("coffee", """Hi Sam,

My name is Priyanka and I'm a product analyst at a health startup. You led the launch of Contoso's patient app, which is the kind of product work I hope to move into.

May I buy you a coffee for 20 minutes near your office on Tuesday or Wednesday morning?

Best,
Priyanka""", {"clear_request": True, "introduces_self": True, "explains_why_them": True, "time_bounded": True}),
    ("too-long", "Dear Alex,\n\nI'm a student. " + "I want to tell you a great deal about my background and everything I have done so far. " * 12 +
     "Could you spare 20 minutes on Monday?\n\nBest,\nRiley", {"brief": False}),
    ("exactly-short", "Dear Alex,\n\nI'm a student. Could you spare 20 minutes on Monday to share advice?\n\nBest,\nRiley", {"brief": True}),
    ("typos", """Dear Ms. Reyes,

I'm a recent graduate and I would definately like to recieve your advice on acounting careers. Could you spare 20 minutes on Monday?

Best,
Tim""", {"spelling": False}),
    ("no-typos", GOOD_REFERRED, {"spelling": True}),
    ("subject-job-ask", """Subject: Referral for the Data Engineer posting

Dear Mo,

I'm a data engineer. Could you spare 15 minutes on Friday to talk about your team?

Thanks,
Lee""", {"asks_for_job": True}),
]
