"""Pages of a list: ?page=N&page_size=M (at most 200), in a stable order."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=200)

    def __init__(self, **kwargs):
        super().__init__(page_size=50, max_page_size=200, **kwargs)
