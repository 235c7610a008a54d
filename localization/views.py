from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail_localize.models import Translation
from wagtail_localize.views import update_translations

from core.permissions import user_may

from .submission import can_submit, submit_translation


@require_POST
def submit_for_moderation(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if not can_submit(request.user, instance):
        raise PermissionDenied
    try:
        instance = submit_translation(translation, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(AdminURLFinder(request.user).get_edit_url(instance))
    messages.success(
        request,
        _(
            "“%(title)s” is submitted to the Moderators: residents will read this "
            "translation once a Moderator approves it."
        )
        % {"title": instance},
    )
    return redirect(AdminURLFinder(request.user).get_edit_url(instance))


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" only those
    who may publish are offered: the others' synchronised translations stay drafts, to
    be submitted to the Moderators (``localization.submission``).

    Served at wagtail-localize's own address (localization.wagtail_hooks).
    """

    def may_publish(self):
        return user_may(self.request.user, "publish", self.object.get_source_instance())

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)
