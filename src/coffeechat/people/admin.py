from django.contrib import admin

from coffeechat.people.models import Organization, Person, Tag


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("__str__", "owner", "organization", "source", "created_at")
    list_filter = ("source",)
    search_fields = ("first_name", "last_name", "search_text")
    raw_id_fields = ("organization", "referred_by")


admin.site.register(Organization)
admin.site.register(Tag)
