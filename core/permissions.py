"""Who may change which item: a group's rights on a kind of content, narrowed item by item.

The groups (core/migrations/0002_editorial_groups.py) say what their members may do with
a kind of content: change pages, add places… Two rules narrow these rights for one item,
written here once and applied to pages (``ItemRulesPage``) and snippets
(``ItemPermissionPolicy``, ``CheckedEditView``):

- **French sources are changed by those who create content.** Translators may change
  items but not create them: they change translations, never the French original
  (``may_change_sources``). Editors and Moderators, who may create, change both.
- **A team changes only its organisations' items.** A model may give its items a
  ``scope``: which of them a user may see and change (``places.teams``). Superusers and
  Moderators are never narrowed by it.

Superusers are never narrowed at all.
"""

from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import EditView

# What a Translator may do with a French source: look at it, and ask for its translation.
READ_ACTIONS = frozenset({"view"})

SOURCE_REFUSED = _("Only Editors and Moderators change the French original: translate it instead.")
SCOPE_REFUSED = _("Your team changes only the services and places of its organisations.")


def is_source(instance):
    """Whether ``instance`` is in the source language (French), not a translation."""
    return instance.locale_id == Locale.get_default().pk


def may_change_sources(user, model):
    """Whether ``user`` may change ``model``'s French items: whoever may create them."""
    if user.is_superuser:
        return True
    if issubclass(model, Page):
        return PagePermissionPolicy().user_has_permission(user, "add")
    return user.has_perm(f"{model._meta.app_label}.{get_permission_codename('add', model._meta)}")


def refusal(user, instance, scope=None):
    """Why ``user`` may not change ``instance`` (a translated message), or None."""
    if user.is_superuser:
        return None
    if is_source(instance) and not may_change_sources(user, type(instance)):
        return SOURCE_REFUSED
    if scope is not None and not scope.allows(user, instance):
        return SCOPE_REFUSED
    return None


class ItemRulesPage:
    """A page type whose rights follow the rules above; first in the bases, before ``Page``.

    ``page_scope`` (optional) narrows them further, like a snippet's ``scope``.
    """

    page_scope = None

    def permissions_for_user(self, user):
        return ItemPagePermissionTester(user, self)


class ItemPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with no right at all on a page the rules refuse to ``user``."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if refusal(user, page, page.page_scope) is not None:
            self.permissions = set()


class ItemPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, narrowed per item by the rules above.

    ``scope``, if given, has ``allows(user, instance)`` and ``narrow(user, queryset)``:
    it limits what the user sees in listings as well as what they change.
    """

    def __init__(self, model, scope=None, **kwargs):
        super().__init__(model, **kwargs)
        self.scope = scope

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in READ_ACTIONS:
            return self.scope is None or user.is_superuser or self.scope.allows(user, instance)
        return refusal(user, instance, self.scope) is None

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.visible_to(user, super().instances_user_has_any_permission_for(user, actions))

    def visible_to(self, user, queryset):
        """The items of ``queryset`` the user's scope lets them see."""
        if self.scope is None or user.is_superuser:
            return queryset
        return self.scope.narrow(user, queryset)


class CheckedEditView(EditView):
    """A snippet's edit view that asks the model's policy about the item itself, and
    sends a refused user back to the listing with the reason.

    Wagtail's checks only the permission on the model; wagtail-localize's translation
    editor, which takes this view's place for a translation, runs after this check.
    """

    refused = None

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        user = self.request.user
        if not self.permission_policy.user_has_permission_for_instance(user, "change", instance):
            self.refused = refusal(user, instance, getattr(self.permission_policy, "scope", None))
            if self.refused is None:
                raise PermissionDenied
        return instance

    def dispatch(self, request, *args, **kwargs):
        if self.refused is not None:
            messages.error(request, self.refused)
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class VisibleChoicesMixin:
    """A chooser's list: what the user's scope lets them see."""

    def get_object_list(self):
        objects = super().get_object_list()
        policy = policy_registry.get_by_type(self.model_class)
        if isinstance(policy, ItemPermissionPolicy):
            return policy.visible_to(self.request.user, objects)
        return objects


class CheckedChooserViewSet(chooser.SnippetChooserViewSet):
    # Wagtail translates these when it is imported, in LANGUAGE_CODE (French): the English
    # admin read "Choisir". Translated for each request instead, in the editor's language.
    choose_one_text = _("Choose")
    choose_another_text = _("Choose another")
    edit_item_text = _("Edit")
    choose_view_class = type("ChooseView", (VisibleChoicesMixin, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (VisibleChoicesMixin, chooser.ChooseResultsView), {}
    )


class ItemRulesViewSetMixin:
    """For a snippet viewset: the listing and the chooser show what the user's scope lets
    them see, and editing an item asks the rules."""

    edit_view_class = CheckedEditView
    chooser_viewset_class = CheckedChooserViewSet

    def get_queryset(self, request):
        policy = self.permission_policy
        if not isinstance(policy, ItemPermissionPolicy):
            return None
        return policy.visible_to(request.user, self.model._default_manager.all())


def apply_item_rules(*models, scope=None):
    """Registers the rules as the permission policy of snippet ``models``; call it in
    wagtail_hooks.py before registering their viewsets (with ``ItemRulesViewSetMixin``)."""
    for model in models:
        register_permission_policy(model, ItemPermissionPolicy(model, scope=scope))


def user_may(user, action, instance):
    """Whether ``user`` may ``action`` ("change", "publish") ``instance``, page or snippet."""
    if isinstance(instance, Page):
        tester = instance.permissions_for_user(user)
        return {"change": tester.can_edit, "publish": tester.can_publish}[action]()
    return policy_registry.get(instance).user_has_permission_for_instance(user, action, instance)
