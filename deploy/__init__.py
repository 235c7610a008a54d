"""Proxima's production configuration (nginx, gunicorn, systemd, backups) and the launcher
that starts it on this machine for the tests and benchmarks (``deploy.stack``).

docs/deployment.md quotes these files; ``make prod-check`` tests them.
"""
