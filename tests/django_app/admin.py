"""The admin of the test model: the change form uses the field's widget."""

from __future__ import annotations

from django.contrib import admin

from diplolib.django import localized_column

from .models import Dispatch


@admin.register(Dispatch)
class DispatchAdmin(admin.ModelAdmin):
    list_display = ["id", localized_column("title")]
