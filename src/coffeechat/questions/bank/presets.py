"""Plan presets: ordered bank keys, with the must-ask ones."""

PRESETS_DATA = (
    ("first-conversation", "First conversation in a new field",
     "Your first talk with someone in a field you are exploring: how they got there, what the work is really like, how to start.",
     ("background-first-step", "day-typical-week", "rewards-enjoy-most", "challenges-hardest", "trends-changing",
      "compensation-range", "hiring-how-people-get-in", "advice-starting-now", "advice-wish-known",
      "resources-reading", "referrals-who-else", "other-should-have-asked"),
     ("day-typical-week", "advice-starting-now", "referrals-who-else", "other-should-have-asked")),
    ("company-deep-dive", "Company deep-dive",
     "You know the field; now you want to understand one organisation from the inside.",
     ("background-choose-org", "day-walk-through", "day-who-with", "culture-describe", "culture-who-thrives",
      "culture-decisions", "culture-learning", "trends-organisation-direction", "hiring-experience-counts",
      "hiring-stand-out", "referrals-other-teams", "other-should-have-asked"),
     ("culture-describe", "culture-who-thrives", "hiring-experience-counts", "referrals-other-teams", "other-should-have-asked")),
    ("tiara", "Trends, Insights, Advice, Resources, Assignments",
     "The coaches' classic order: start with the field's direction, end with what they are working on.",
     ("trends-changing", "trends-next-five", "rewards-enjoy-most", "challenges-frustrations", "background-surprise",
      "advice-wish-known", "advice-best-preparation", "resources-reading", "resources-associations",
      "day-assignments", "day-walk-through", "referrals-who-else", "other-should-have-asked"),
     ("trends-next-five", "advice-best-preparation", "day-assignments", "referrals-who-else", "other-should-have-asked")),
)
