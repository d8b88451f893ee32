"""The admin's URLs; the language-middleware tests swap in the documented views."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

urlpatterns = [path("admin/", admin.site.urls)]
