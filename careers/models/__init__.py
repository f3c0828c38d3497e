from .applications import ApplicationStatus, JobApplication
from .choices import EmploymentType, LocationType, PayPeriod
from .pages import CareersIndexPage, JobPage

__all__ = [
    "ApplicationStatus",
    "CareersIndexPage",
    "EmploymentType",
    "JobApplication",
    "JobPage",
    "LocationType",
    "PayPeriod",
]
