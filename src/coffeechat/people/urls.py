from django.urls import path

from coffeechat.people import views

app_name = "people"
urlpatterns = [
    path("people/", views.person_list, name="list"),
    path("people/add/", views.person_add, name="add"),
    path("people/pick/", views.person_pick, name="pick"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/edit/", views.person_edit, name="edit"),
    path("people/<int:pk>/delete/", views.person_delete, name="delete"),
    path("import/", views.import_start, name="import"),
    path("import/<int:pk>/", views.import_batch, name="import-batch"),
    path("import/<int:pk>/confirm/", views.import_confirm, name="import-confirm"),
    path("import/<int:pk>/progress/", views.import_progress, name="import-progress"),
    path("import/<int:pk>/cancel/", views.import_cancel, name="import-cancel"),
    path("import/<int:pk>/undo/", views.import_undo, name="import-undo"),
    path("export/<str:fmt>/", views.export_download, name="export"),
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/pick/", views.organization_pick, name="organization-pick"),
    path("organizations/add/", views.organization_add, name="organization-add"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("organizations/<int:pk>/edit/", views.organization_edit, name="organization-edit"),
    path("organizations/<int:pk>/delete/", views.organization_delete, name="organization-delete"),
]
