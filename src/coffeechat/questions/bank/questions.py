"""Coffeechat's built-in questions, written for Coffeechat. Keys are stable: never rename one."""

# (key, text, category, scope)
QUESTIONS = (
    # background: how they got here
    ("background-first-step", "How did you take your first step into this field?", "background", "path"),
    ("background-turning-points", "Looking back, which two or three decisions shaped your career most?", "background", "path"),
    ("background-before", "What were you doing before this role, and what made you change?", "background", "path"),
    ("background-education", "How much has your education mattered in the work you do now?", "background", "path"),
    ("background-surprise", "What surprised you most when you started in this line of work?", "background", "role"),
    ("background-choose-org", "What drew you to this organisation rather than others in the field?", "background", "company"),
    ("background-other-paths", "What other paths did you consider, and why did you choose this one?", "background", "path"),
    # day_to_day
    ("day-typical-week", "What does a typical week look like for you?", "day_to_day", "role"),
    ("day-time-split", "How is your time split between meetings, focused work and everything else?", "day_to_day", "role"),
    ("day-walk-through", "Could you walk me through a recent project from start to finish?", "day_to_day", "role"),
    ("day-who-with", "Who do you work with most closely on a normal day?", "day_to_day", "role"),
    ("day-tools", "Which tools or skills do you rely on every single day?", "day_to_day", "role"),
    ("day-assignments", "What kinds of projects take up most of your attention right now?", "day_to_day", "role"),
    # rewards
    ("rewards-enjoy-most", "What do you enjoy most about your work?", "rewards", "role"),
    ("rewards-proud", "Which piece of work are you proudest of, and why?", "rewards", "path"),
    ("rewards-good-day", "What makes a day at work a good one for you?", "rewards", "role"),
    ("rewards-why-stay", "What keeps you in this field when other options come along?", "rewards", "industry"),
    ("rewards-impact", "Where do you see the effect of your work most clearly?", "rewards", "role"),
    # challenges
    ("challenges-hardest", "What is the hardest part of your job?", "challenges", "role"),
    ("challenges-frustrations", "What frustrations come with this kind of work that outsiders rarely hear about?", "challenges", "industry"),
    ("challenges-setback", "Could you tell me about a setback and what you learned from it?", "challenges", "path"),
    ("challenges-pressure", "When does the pressure peak in your year, and how do you handle it?", "challenges", "role"),
    ("challenges-change-one-thing", "If you could change one thing about how your field works, what would it be?", "challenges", "industry"),
    ("challenges-leave", "Why do people leave this line of work, in your experience?", "challenges", "industry"),
    # compensation
    ("compensation-range", "What salary range is realistic for someone starting out in this field?", "compensation", "industry"),
    ("compensation-growth", "How does pay usually grow as people gain experience here?", "compensation", "industry"),
    ("compensation-beyond-salary", "Beyond salary, which benefits matter most in this kind of role?", "compensation", "role"),
    ("compensation-negotiate", "What did you learn about negotiating an offer in this field?", "compensation", "path"),
    ("compensation-tradeoffs", "What trade-offs between pay and other things have you seen people make?", "compensation", "industry"),
    # trends
    ("trends-changing", "How has your field changed since you joined it?", "trends", "industry"),
    ("trends-next-five", "Where do you think this field will be in five years?", "trends", "industry"),
    ("trends-technology", "How is new technology changing the work you and your colleagues do?", "trends", "role"),
    ("trends-skills-demand", "Which skills do you expect to be in demand over the next few years?", "trends", "industry"),
    ("trends-threats", "What worries people in your industry about the future?", "trends", "industry"),
    ("trends-organisation-direction", "How is your organisation adapting to those changes?", "trends", "company"),
    # advice
    ("advice-starting-now", "If you were starting out today, what would you do differently?", "advice", "path"),
    ("advice-wish-known", "What do you wish someone had told you before you entered this field?", "advice", "path"),
    ("advice-best-preparation", "What is the best way for someone like me to prepare for this kind of work?", "advice", "industry"),
    ("advice-gaps", "Given what I've told you about my background, which gaps should I work on first?", "advice", "path"),
    ("advice-test-the-water", "How could I try this work out in a small way before committing to it?", "advice", "industry"),
    ("advice-mistakes", "What mistakes do newcomers to this field tend to make?", "advice", "industry"),
    # hiring
    ("hiring-how-people-get-in", "How do people usually find their way into this field?", "hiring", "industry"),
    ("hiring-hear-about-openings", "How do people hear about openings in your area of work?", "hiring", "industry"),
    ("hiring-stand-out", "What makes a candidate stand out to the people who hire for roles like yours?", "hiring", "role"),
    ("hiring-entry-roles", "Which entry-level roles lead most naturally into work like yours?", "hiring", "industry"),
    ("hiring-process", "What does the hiring process usually look like in this field?", "hiring", "industry"),
    ("hiring-experience-counts", "What kinds of experience count most when people here are hired?", "hiring", "company"),
    # culture
    ("culture-describe", "How would you describe the culture on your team?", "culture", "company"),
    ("culture-who-thrives", "What kind of person tends to thrive here, and who struggles?", "culture", "company"),
    ("culture-decisions", "How are decisions made in your team?", "culture", "company"),
    ("culture-balance", "How do people in your field manage the balance between work and the rest of life?", "culture", "industry"),
    ("culture-values-in-practice", "Which of your organisation's values do you see in everyday work?", "culture", "company"),
    ("culture-learning", "How does your organisation help people keep learning?", "culture", "company"),
    # resources
    ("resources-reading", "What should I read, watch or listen to in order to understand this field better?", "resources", "industry"),
    ("resources-associations", "Which professional associations or groups are worth joining?", "resources", "industry"),
    ("resources-events", "Which events or conferences do people in your field actually go to?", "resources", "industry"),
    ("resources-courses", "Which courses or qualifications have you found truly useful?", "resources", "path"),
    ("resources-keep-current", "How do you keep your own knowledge current?", "resources", "role"),
    # referrals
    ("referrals-who-else", "Who else would you suggest I talk to?", "referrals", "path"),
    ("referrals-different-view", "Who sees this field differently from you and would be worth meeting?", "referrals", "industry"),
    ("referrals-use-name", "How would you like me to mention you when I contact the people you suggest?", "referrals", "path"),
    ("referrals-introduce", "How would you prefer I approach the people you suggest: through you, or on my own?", "referrals", "path"),
    ("referrals-other-teams", "Which other teams or organisations should I learn about, and who could tell me about them?", "referrals", "company"),
    # other: closing and follow-up
    ("other-should-have-asked", "What should I have asked you that I didn't?", "other", "path"),
    ("other-keep-in-touch", "What would be the best way to keep in touch with you?", "other", "path"),
    ("other-anything-else", "What do you wish more people understood about your work?", "other", "role"),
    ("other-my-plan", "Based on what you have heard, how does my plan sound to you?", "other", "path"),
)
