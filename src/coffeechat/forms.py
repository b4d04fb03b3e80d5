"""How every form field is drawn: Pico-style labels without colons, help text under the input."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"
