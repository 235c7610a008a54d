from .index import ServiceIndexPage
from .service import (
    RelatedService,
    ServiceHoursException,
    ServiceOnlineProcedure,
    ServiceOpeningPeriod,
    ServicePage,
    ServicePlace,
    ServiceRequiredDocument,
)
from .theme import ThemePage

__all__ = [
    "RelatedService",
    "ServiceHoursException",
    "ServiceIndexPage",
    "ServiceOnlineProcedure",
    "ServiceOpeningPeriod",
    "ServicePage",
    "ServicePlace",
    "ServiceRequiredDocument",
    "ThemePage",
]
