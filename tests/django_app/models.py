"""A model with diplolib's LocalizedTextField."""

from __future__ import annotations

from django.db import models

from diplolib.django import LocalizedTextField


class Dispatch(models.Model):
    title = LocalizedTextField(required_languages=["en"])
    lead = LocalizedTextField(blank=True, null=True)

    class Meta:
        app_label = "django_app"

    def __str__(self) -> str:
        return str(self.title.get())
