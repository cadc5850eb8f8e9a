"""Offline: app icons, web app manifest and a service worker that keeps the whole site."""

from .files import write_app_files, write_service_worker

__all__ = ["write_app_files", "write_service_worker"]
