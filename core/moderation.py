"""Shared facts residents rely on are moderated like pages.

Emergency numbers, places and organisations are shown on many pages at once: a wrong
digit in a helpline or a wrong address reaches every resident. They are snippets with
Wagtail's drafts, revisions, moderation workflow and locking (``ModeratedSnippet``):
Editors and Translators save drafts and submit them; Moderators publish
(core/migrations/0005_moderation_rights_and_workflow.py gives the groups these rights).

Wagtail keeps the published content in the row and drafts in revisions, so what
residents may see is one rule, written once here: the row is live. A snippet created
and never published, unpublished or expired is not. Every resident-facing query goes
through ``for_residents()`` (a queryset) or ``shown_to_residents(obj)`` (an object
reached through a foreign key), never through a filter of its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import HelpPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

# The rule, for a query through a relation: ``Q(**live_lookup("place__"))``.
LIVE_FIELD = "live"


def live_lookup(prefix=""):
    """The filter residents' queries apply, through a relation named by ``prefix``."""
    return {f"{prefix}{LIVE_FIELD}": True}


class ModeratedQuerySet(models.QuerySet):
    def for_residents(self):
        """What residents may see: published, not unpublished or expired."""
        return self.filter(**live_lookup())


class ModeratedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """Drafts, revisions, the moderation workflow and locking for a snippet."""

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_shown_to_residents(self):
        return getattr(self, LIVE_FIELD)


def moderation_help():
    """The first panel of a moderated snippet's form: what saving does, in plain words."""
    return HelpPanel(
        content=_(
            "Residents only see the published version: your changes stay a draft until a "
            "Moderator publishes them. Save your draft, then submit it for moderation."
        ),
        heading=_("Moderation"),
    )


def shown_to_residents(obj):
    """``obj`` when residents may see it, else None (a foreign key to a draft)."""
    if obj is None or not obj.is_shown_to_residents():
        return None
    return obj


def changes_requested(obj):
    """The moderator's answer when ``obj`` (a page or moderated snippet) was sent back
    with "Request changes": ``(moderator, when, comment)``, else None.

    Wagtail 8's editor says "Changes requested" and when, but neither who nor the
    comment, which only its history and the e-mail show.
    """
    workflow_state = getattr(obj, "current_workflow_state", None)
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_NEEDS_CHANGES:
        return None
    task_state = workflow_state.current_task_state
    if task_state is None:
        return None
    return task_state.finished_by, task_state.finished_at, task_state.comment
