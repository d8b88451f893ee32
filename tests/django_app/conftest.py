"""The Django project's modules are imported by the tests once settings exist, not collected."""

collect_ignore_glob = ["*.py", "migrations/*.py"]
