"""The ``sioc`` console command: Django's manage.py for the installed project."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sioc.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sioc", *sys.argv[1:]])


if __name__ == "__main__":
    main()
