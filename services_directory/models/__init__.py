from .delivery import ServiceHoursException, ServiceOpeningPeriod, ServicePlace
from .index import ServiceIndexPage
from .service import (
    RelatedService,
    ServiceOnlineProcedure,
    ServicePage,
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
