"""StreamField blocks for the body of service pages.

Each block renders its own accessible markup (``templates/components/streamfield/``)
and carries a preview so editors see what they insert.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail_localize.segments import OverridableSegmentValue

from core.validators import validate_https, validate_international_phone

# Rich text everywhere residents read it: links to pages, addresses and documents (which
# show their type and size, core.documents); the longer texts have headings.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
TEXT_FEATURES = ["h2", "h3", *RICH_TEXT_FEATURES]


class PhoneBlock(blocks.CharBlock):
    """A phone number: the same in every language, so wagtail-localize copies it (a
    translator may still change it) instead of offering it as text to translate."""

    def get_translatable_segments(self, value):
        return [OverridableSegmentValue("", value)] if value else []


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Sub-heading (H3)"))],
        default="h2",
        help_text=_("Use H3 only under an H2, so screen-reader users can follow the outline."),
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        description = _("A heading that structures the page.")
        preview_value = {"text": "Comment faire la demande", "level": "h2"}


class ProcedureStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=160)
    instructions = blocks.RichTextBlock(label=_("instructions"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
        label = _("step")


class ProcedureGuideBlock(blocks.StructBlock):
    """A step-by-step guide for an online procedure, in plain language."""

    heading = blocks.CharBlock(label=_("title"), max_length=160)
    online_service_name = blocks.CharBlock(
        label=_("online service"),
        required=False,
        max_length=120,
        help_text=_("Name of the website or app the resident uses, e.g. “e-démarches”."),
    )
    url = blocks.URLBlock(
        label=_("address of the online procedure"),
        required=False,
        validators=[validate_https],
        help_text=_("Where the procedure starts; residents see it as a button."),
    )
    steps = blocks.ListBlock(ProcedureStepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "components/streamfield/procedure_guide_block.html"
        description = _("Step-by-step guide to do a procedure online.")
        preview_value = {
            "heading": "Déclarer ses impôts en ligne",
            "online_service_name": "e-démarches",
            "url": "https://www.ge.ch/",
            "steps": [
                {"title": "Créer un compte", "instructions": "<p>Avec votre e-mail.</p>"},
                {"title": "Remplir la déclaration", "instructions": "<p>Pas à pas.</p>"},
            ],
        }


class DocumentsChecklistBlock(blocks.StructBlock):
    # No default text: it would be written in the editor's admin language, whatever the
    # page's; left empty, the page shows "What to bring" in its reader's language.
    heading = blocks.CharBlock(
        label=_("title"),
        max_length=160,
        required=False,
        help_text=_("Leave empty for “What to bring”, shown in each reader's language."),
    )
    documents = blocks.ListBlock(
        blocks.CharBlock(label=_("document"), max_length=200), label=_("documents"), min_num=1
    )

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/documents_checklist_block.html"
        description = _("A checklist of documents, printed on the service sheet too.")
        preview_value = {
            "heading": "Documents à apporter",
            "documents": ["Pièce d’identité", "Dernier avis d’imposition"],
        }


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("question")


class QuestionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("title"),
        max_length=160,
        required=False,
        help_text=_("Leave empty for “Questions and answers”, shown in each reader's language."),
    )
    items = blocks.ListBlock(QuestionAnswerBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "components/streamfield/questions_block.html"
        description = _("Frequent questions, each opening on its answer.")
        preview_value = {
            "heading": "Questions fréquentes",
            "items": [{"question": "Est-ce payant ?", "answer": "<p>Non, c’est gratuit.</p>"}],
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("info", _("Information")),
            ("warning", _("Important")),
            ("success", _("Good to know")),
        ],
        default="info",
        help_text=_("Colour and icon; the kind is also said in words for screen readers."),
    )
    title = blocks.CharBlock(label=_("title"), max_length=160, required=False)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "components/streamfield/callout_block.html"
        description = _("A highlighted message, e.g. a deadline or a change.")
        preview_value = {
            "kind": "warning",
            "title": "Date limite",
            "text": "<p>Déposez votre déclaration avant le 31 mars.</p>",
        }


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name or role"), max_length=160)
    phone = PhoneBlock(
        label=_("phone"),
        required=False,
        max_length=40,
        help_text=_("International format, e.g. +41 22 306 06 60."),
    )
    email = blocks.EmailBlock(label=_("e-mail"), required=False)
    note = blocks.CharBlock(
        label=_("note"),
        required=False,
        max_length=200,
        help_text=_("e.g. “Mornings only”."),
    )

    class Meta:
        icon = "user"
        template = "components/streamfield/contact_block.html"
        description = _("A person or desk to contact for this service.")
        preview_value = {"name": "Accueil social", "phone": "+41 22 306 06 60"}

    def clean(self, value):
        cleaned = super().clean(value)
        if cleaned.get("phone"):
            try:
                validate_international_phone(cleaned["phone"])
            except ValidationError as error:
                raise StructBlockValidationError(block_errors={"phone": error}) from error
        if not (cleaned.get("phone") or cleaned.get("email")):
            raise StructBlockValidationError(
                block_errors={"phone": ValidationError(_("Give a phone number or an e-mail."))}
            )
        return cleaned


class DocumentLinkBlock(blocks.StructBlock):
    """A document to download (a form, a leaflet), with its type and size for residents."""

    document = DocumentChooserBlock(
        label=_("document"),
        help_text=_("Upload it or choose it from the documents; PDF is read on most phones."),
    )
    text = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=160,
        help_text=_(
            "What it is, e.g. “Application form”; leave empty for the document's title. "
            "Residents also see its type and size, e.g. “PDF, 120 KB”."
        ),
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "components/streamfield/document_link_block.html"
        description = _("A link to download a document, with its type and size.")
        # A chooser has no stored example: the preview shows the block's place only.
        preview_value = {"text": "Formulaire de demande"}


class ServiceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("heading"))
    paragraph = blocks.RichTextBlock(
        label=_("text"),
        features=TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
    )
    procedure_guide = ProcedureGuideBlock(label=_("online procedure guide"))
    documents_checklist = DocumentsChecklistBlock(label=_("documents checklist"))
    document_link = DocumentLinkBlock(label=_("document to download"))
    questions = QuestionsBlock(label=_("questions and answers"))
    callout = CalloutBlock(label=_("callout"))
    contact = ContactBlock(label=_("contact"))
