"""The preparation checklist, fitted to how the conversation happens. Written for Coffeechat."""

from dataclasses import dataclass

from coffeechat.conversations.models import Conversation, Medium


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    text: str
    media: tuple[str, ...] = ()   # empty: every medium


CHECKLIST = (
    ChecklistItem("research", "Read up on them: their path, their organisation, anything they have written or said in public."),
    ChecklistItem("pitch", "Have a 30-second introduction of yourself ready: who you are, what you are exploring, why them."),
    ChecklistItem("purpose", "Be ready to say again, early on, that you are there for information and advice, not a job."),
    ChecklistItem("questions", "Pick your questions and mark the four or five you must ask."),
    ChecklistItem("dress", "Dress as you would for an interview at their workplace."),
    ChecklistItem("quiet", "Find a quiet place and turn notifications off."),
    ChecklistItem("time", "Plan to finish on time; note when the agreed length runs out."),
    ChecklistItem("reception", "Check your phone's reception where you will take the call, and that it is charged.", (Medium.PHONE,)),
    ChecklistItem("number", "Confirm who calls whom, and at which number.", (Medium.PHONE,)),
    ChecklistItem("connection", "Test your connection, camera and microphone.", (Medium.VIDEO,)),
    ChecklistItem("software", "Install or update the video software and open the link once.", (Medium.VIDEO,)),
    ChecklistItem("lighting", "Sit facing the light, with a tidy background.", (Medium.VIDEO,)),
    ChecklistItem("early_login", "Log in 3 to 5 minutes early.", (Medium.VIDEO,)),
    ChecklistItem("mute", "Mute yourself when you are not talking if there is noise around you.", (Medium.VIDEO,)),
    ChecklistItem("route", "Plan the route and arrive a few minutes early.", (Medium.IN_PERSON,)),
    ChecklistItem("notebook", "Bring a notebook and pen; ask before taking notes.", (Medium.IN_PERSON,)),
)


def checklist_for(medium: str) -> list[ChecklistItem]:
    return [item for item in CHECKLIST if not item.media or medium in item.media]


def checklist_state(conversation: Conversation) -> list[tuple[ChecklistItem, bool]]:
    ticks = conversation.checklist or {}
    return [(item, bool(ticks.get(item.key))) for item in checklist_for(conversation.medium)]


def open_items(conversation: Conversation) -> list[ChecklistItem]:
    return [item for item, done in checklist_state(conversation) if not done]


def checklist_context(conversation: Conversation) -> dict:
    state = checklist_state(conversation)
    return {"checklist": state, "checklist_open": sum(1 for _, done in state if not done)}
