from django import forms

from coffeechat.conversations.forms import GoalFields
from coffeechat.conversations.models import Medium
from coffeechat.mail.guard import MailServerRefused, check_port, check_server
from coffeechat.mail.models import MailAccount
from coffeechat.outreach.calls import Outcome
from coffeechat.outreach.models import Channel, Message, MessageKind, MessageTemplate


class ComposeForm(GoalFields, forms.ModelForm):
    minutes = forms.IntegerField(min_value=5, max_value=120, label="Length (minutes)")
    medium = forms.ChoiceField(choices=Medium.choices, label="How")
    save_as_template = forms.CharField(
        required=False, max_length=120, label="Save as my template (optional)",
        help_text="Give it a name to reuse this text with other people.",
    )

    class Meta:
        model = Message
        fields = ("subject", "body", "attach_resume")
        labels = {"attach_resume": "Attach my résumé (to the email draft or SMTP message)"}
        widgets = {
            "subject": forms.TextInput(attrs={"list": "subject-suggestions", "autocomplete": "off"}),
            "body": forms.Textarea(attrs={"rows": 16}),
        }

    def __init__(self, *args, user=None, goal_id: int | None = None, has_resume: bool = False, asks_for_time: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_goals(user, goal_id)
        self.order_fields(["subject", "body", "goal", "new_goal", "minutes", "medium"])
        if not has_resume:
            del self.fields["attach_resume"]
        if not asks_for_time:  # thank-yous and updates ask for no conversation
            for name in ("goal", "new_goal", "minutes", "medium"):
                del self.fields[name]

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write the message first.")
        return body


class MarkSentForm(forms.Form):
    channel = forms.ChoiceField(
        choices=[(c.value, c.label) for c in (Channel.MAIL_APP, Channel.EML, Channel.LINKEDIN, Channel.OTHER)],
        label="Sent with",
    )


class TemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ("name", "kind", "subject", "body")
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {"body": "Placeholders such as {their_first_name}, {my_name}, {organization}, {minutes} and {slots} are filled in for each person."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in MessageKind.choices if c[0] not in (MessageKind.REPLY, MessageKind.NOTE, MessageKind.CALL)]


class MailAccountForm(forms.ModelForm):
    password = forms.CharField(
        required=False, widget=forms.PasswordInput(render_value=False),
        help_text="Stored encrypted and never shown again. Leave empty to keep the saved one.",
    )

    class Meta:
        model = MailAccount
        fields = ("from_address", "host", "port", "security", "username")
        labels = {"host": "SMTP server", "username": "User name"}

    def clean_port(self):
        port = self.cleaned_data["port"]
        if not 1 <= port <= 65535:
            raise forms.ValidationError("A port is a number from 1 to 65535.")
        return port

    def clean(self):
        cleaned = super().clean()
        host, port = cleaned.get("host"), cleaned.get("port")
        if host and port:
            try:
                check_port(port)
            except MailServerRefused as exc:
                self.add_error("port", str(exc))
                return cleaned
            try:
                check_server(host, port)
            except MailServerRefused as exc:
                self.add_error("host", str(exc))
        return cleaned

class CallForm(forms.Form):
    outcome = forms.ChoiceField(choices=Outcome.choices, widget=forms.RadioSelect, label="How did it go?")
    note = forms.CharField(required=False, max_length=2000, label="Note (optional)",
                           widget=forms.Textarea(attrs={"rows": 2}), help_text="What they said, or when to call back.")
