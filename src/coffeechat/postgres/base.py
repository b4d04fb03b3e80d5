from django.db.backends.postgresql import base, features, operations
from django.utils.functional import cached_property

SERVER_SIDE_PARAMETERS = 2**16 - 1  # PostgreSQL's wire protocol counts parameters in 16 bits


class DatabaseFeatures(features.DatabaseFeatures):
    @cached_property
    def max_query_params(self):
        return SERVER_SIDE_PARAMETERS if self.uses_server_side_binding else None


class DatabaseOperations(operations.DatabaseOperations):
    def bulk_batch_size(self, fields, objs):
        limit = self.connection.features.max_query_params
        if limit and fields:
            # Twice the fields: bulk_update passes [pk, pk, *fields] but spends two parameters per
            # field and row (CASE WHEN pk = %s THEN %s) and one more for the row's pk; an insert, one.
            return max(1, min(len(objs), limit // (2 * len(fields))))
        return len(objs)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
    ops_class = DatabaseOperations
