"""Translators submit a translation to the Moderators, as Editors submit a page.

wagtail-localize's translation editor keeps each translated text as it is typed and
offers one action, "Publish", which only those who may publish (Moderators) have. Those
who may not publish submit instead: the texts are saved as a draft of the translated
page or snippet, and the draft goes through its workflow ("Moderators approval"), so a
Moderator approves it — which publishes it — or asks for changes, like any page.

The draft is a revision built from wagtail-localize's translated copy, never saved in
the row: wagtail-localize's own draft (``Translation.save_target(publish=False)``)
writes the texts into the row of a page — residents would read them at once — and
unpublishes a snippet.
"""

from wagtail.models import WorkflowMixin

from core.permissions import user_may


def can_submit(user, instance):
    """Whether ``user`` may submit ``instance``'s translation rather than publish it."""
    return (
        isinstance(instance, WorkflowMixin)
        and instance.get_workflow() is not None
        and user_may(user, "change", instance)
        and not user_may(user, "publish", instance)
    )


def submit_translation(translation, user):
    """Saves the translation's texts as a draft and sends it to the Moderators.

    Returns the translated instance; raises ValidationError when the draft is not
    valid (a required text left empty). A draft already awaiting moderation stays there
    (with these texts as its latest revision); one sent back for changes goes back.
    """
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.save_revision(user=user)
    instance = translation.get_target_instance()
    state = instance.current_workflow_state
    if state is None:
        instance.get_workflow().start(instance, user)
    elif state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
    return instance
