/* lic-pool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-json.h"
#include "lic-notice.h"
#include "lic-pool.h"

struct _LicPool
{
  GObject parent_instance;

  gint64 id;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
  char *school_name;
  gint64 assigned;
  gint64 available;
  gint64 payable;
  gint64 to_renew;
  gint64 no_access;
  char *phase;
  char *term_end;
  gint64 awaiting_delivery;
  char *awaiting_since;
  GArray *linked_group_ids;
  gint64 waiting;
  gint64 capacity;
  gint64 renewed;
  char *renewal_starts;
  GListModel *notices;
};

G_DEFINE_FINAL_TYPE (LicPool, lic_pool, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_SCHOOL_ID,
  PROP_SCHOOL_NAME,
  PROP_ASSIGNED,
  PROP_AVAILABLE,
  PROP_PAYABLE,
  PROP_TO_RENEW,
  PROP_NO_ACCESS,
  PROP_PHASE,
  PROP_TERM_END,
  PROP_AWAITING_DELIVERY,
  PROP_AWAITING_SINCE,
  PROP_LINKED_GROUP_IDS,
  PROP_WAITING,
  PROP_CAPACITY,
  PROP_RENEWED,
  PROP_RENEWAL_STARTS,
  PROP_NOTICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_pool_finalize (GObject *object)
{
  LicPool *self = LIC_POOL (object);

  g_free (self->product_name);
  g_free (self->school_name);
  g_free (self->phase);
  g_free (self->term_end);
  g_free (self->awaiting_since);
  g_clear_pointer (&self->linked_group_ids, g_array_unref);
  g_free (self->renewal_starts);
  g_clear_object (&self->notices);

  G_OBJECT_CLASS (lic_pool_parent_class)->finalize (object);
}

static void
lic_pool_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LicPool *self = LIC_POOL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->product_name);
      break;

    case PROP_SCHOOL_ID:
      g_value_set_int64 (value, self->school_id);
      break;

    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;

    case PROP_ASSIGNED:
      g_value_set_int64 (value, self->assigned);
      break;

    case PROP_AVAILABLE:
      g_value_set_int64 (value, self->available);
      break;

    case PROP_PAYABLE:
      g_value_set_int64 (value, self->payable);
      break;

    case PROP_TO_RENEW:
      g_value_set_int64 (value, self->to_renew);
      break;

    case PROP_NO_ACCESS:
      g_value_set_int64 (value, self->no_access);
      break;

    case PROP_PHASE:
      g_value_set_string (value, self->phase);
      break;

    case PROP_TERM_END:
      g_value_set_string (value, self->term_end);
      break;

    case PROP_AWAITING_DELIVERY:
      g_value_set_int64 (value, self->awaiting_delivery);
      break;

    case PROP_AWAITING_SINCE:
      g_value_set_string (value, self->awaiting_since);
      break;

    case PROP_LINKED_GROUP_IDS:
      g_value_set_boxed (value, self->linked_group_ids);
      break;

    case PROP_WAITING:
      g_value_set_int64 (value, self->waiting);
      break;

    case PROP_CAPACITY:
      g_value_set_int64 (value, self->capacity);
      break;

    case PROP_RENEWED:
      g_value_set_int64 (value, self->renewed);
      break;

    case PROP_RENEWAL_STARTS:
      g_value_set_string (value, self->renewal_starts);
      break;

    case PROP_NOTICES:
      g_value_set_object (value, self->notices);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_pool_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LicPool *self = LIC_POOL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_PRODUCT_ID:
      self->product_id = g_value_get_int64 (value);
      break;

    case PROP_PRODUCT_NAME:
      self->product_name = g_value_dup_string (value);
      break;

    case PROP_SCHOOL_ID:
      self->school_id = g_value_get_int64 (value);
      break;

    case PROP_SCHOOL_NAME:
      self->school_name = g_value_dup_string (value);
      break;

    case PROP_ASSIGNED:
      self->assigned = g_value_get_int64 (value);
      break;

    case PROP_AVAILABLE:
      self->available = g_value_get_int64 (value);
      break;

    case PROP_PAYABLE:
      self->payable = g_value_get_int64 (value);
      break;

    case PROP_TO_RENEW:
      self->to_renew = g_value_get_int64 (value);
      break;

    case PROP_NO_ACCESS:
      self->no_access = g_value_get_int64 (value);
      break;

    case PROP_PHASE:
      self->phase = g_value_dup_string (value);
      break;

    case PROP_TERM_END:
      self->term_end = g_value_dup_string (value);
      break;

    case PROP_AWAITING_DELIVERY:
      self->awaiting_delivery = g_value_get_int64 (value);
      break;

    case PROP_AWAITING_SINCE:
      self->awaiting_since = g_value_dup_string (value);
      break;

    case PROP_LINKED_GROUP_IDS:
      self->linked_group_ids = g_value_dup_boxed (value);
      break;

    case PROP_WAITING:
      self->waiting = g_value_get_int64 (value);
      break;

    case PROP_CAPACITY:
      self->capacity = g_value_get_int64 (value);
      break;

    case PROP_RENEWED:
      self->renewed = g_value_get_int64 (value);
      break;

    case PROP_RENEWAL_STARTS:
      self->renewal_starts = g_value_dup_string (value);
      break;

    case PROP_NOTICES:
      self->notices = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_pool_constructed (GObject *object)
{
  LicPool *self = LIC_POOL (object);

  G_OBJECT_CLASS (lic_pool_parent_class)->constructed (object);

  if (self->notices == NULL)
    self->notices = G_LIST_MODEL (g_list_store_new (LIC_TYPE_NOTICE));
}

static void
lic_pool_class_init (LicPoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lic_pool_constructed;
  object_class->finalize = lic_pool_finalize;
  object_class->get_property = lic_pool_get_property;
  object_class->set_property = lic_pool_set_property;

  /* Server id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Product id. */
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Product name. */
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* School id. */
  properties[PROP_SCHOOL_ID] =
    g_param_spec_int64 ("school-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* School name. */
  properties[PROP_SCHOOL_NAME] =
    g_param_spec_string ("school-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses assigned. */
  properties[PROP_ASSIGNED] =
    g_param_spec_int64 ("assigned", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses paid in this term. */
  properties[PROP_AVAILABLE] =
    g_param_spec_int64 ("available", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Requested and not yet paid. */
  properties[PROP_PAYABLE] =
    g_param_spec_int64 ("payable", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Assigned and not yet renewed (renewal period only). */
  properties[PROP_TO_RENEW] =
    g_param_spec_int64 ("to-renew", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Users who lost access. */
  properties[PROP_NO_ACCESS] =
    g_param_spec_int64 ("no-access", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Compliance phase. */
  properties[PROP_PHASE] =
    g_param_spec_string ("phase", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* End of the term, ISO 8601 date. */
  properties[PROP_TERM_END] =
    g_param_spec_string ("term-end", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses ordered and not yet delivered (read by the app; the server adds the member). */
  properties[PROP_AWAITING_DELIVERY] =
    g_param_spec_int64 ("awaiting-delivery", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The date of the oldest order awaiting delivery, ISO 8601, or NULL. */
  properties[PROP_AWAITING_SINCE] =
    g_param_spec_string ("awaiting-since", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The groups (classes) linked to the pool for auto-assignment (a GArray of gint64), or NULL. */
  properties[PROP_LINKED_GROUP_IDS] =
    g_param_spec_boxed ("linked-group-ids", NULL, NULL,
                        G_TYPE_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Members of the linked groups who wait for a license of the pool. */
  properties[PROP_WAITING] =
    g_param_spec_int64 ("waiting", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses users may hold now: those paid, and those of unpaid purchase requests that have
   * arrived and are not suspended. */
  properties[PROP_CAPACITY] =
    g_param_spec_int64 ("capacity", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Licenses ordered for the next term. */
  properties[PROP_RENEWED] =
    g_param_spec_int64 ("renewed", NULL, NULL,
                         0, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The first day of the renewal period (term end minus 30 days), ISO 8601 date, or NULL. */
  properties[PROP_RENEWAL_STARTS] =
    g_param_spec_string ("renewal-starts", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The pool's notices (LicNotice), most urgent first; never NULL once constructed. */
  properties[PROP_NOTICES] =
    g_param_spec_object ("notices", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_pool_init (LicPool *self)
{
}


/**
 * lic_pool_new_from_json:
 *
 * Returns: (transfer full): the pool @object describes, or %NULL with @error set to
 *   %LIC_ERROR_PARSE naming the member that is missing or malformed.
 */
LicPool *
lic_pool_new_from_json (JsonObject  *object,
                        GError     **error)
{
  gint64 id = 0;
  gint64 product_id = 0;
  const char *product_name = NULL;
  gint64 school_id = 0;
  const char *school_name = NULL;
  gint64 assigned = 0;
  gint64 available = 0;
  gint64 payable = 0;
  gint64 to_renew = 0;
  gint64 no_access = 0;
  const char *phase = NULL;
  const char *term_end = NULL;
  gint64 awaiting_delivery = 0;
  const char *awaiting_since = NULL;
  g_autoptr(GArray) linked_group_ids = NULL;
  gint64 waiting = 0;
  gint64 capacity = 0;
  gint64 renewed = 0;
  const char *renewal_starts = NULL;
  g_autoptr(GListModel) notices = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lic_json_get_int (object, "id", TRUE, &id, error)
      || !lic_json_get_int (object, "product_id", TRUE, &product_id, error)
      || !lic_json_get_string (object, "product_name", TRUE, &product_name, error)
      || !lic_json_get_int (object, "school_id", TRUE, &school_id, error)
      || !lic_json_get_string (object, "school_name", TRUE, &school_name, error)
      || !lic_json_get_int (object, "assigned", TRUE, &assigned, error)
      || !lic_json_get_int (object, "available", TRUE, &available, error)
      || !lic_json_get_int (object, "payable", FALSE, &payable, error)
      || !lic_json_get_int (object, "to_renew", FALSE, &to_renew, error)
      || !lic_json_get_int (object, "no_access", FALSE, &no_access, error)
      || !lic_json_get_string (object, "phase", FALSE, &phase, error)
      || !lic_json_get_string (object, "term_end", FALSE, &term_end, error)
      || !lic_json_get_int (object, "awaiting_delivery", FALSE, &awaiting_delivery, error)
      || !lic_json_get_string (object, "awaiting_since", FALSE, &awaiting_since, error)
      || !lic_json_get_ids (object, "linked_group_ids", FALSE, &linked_group_ids, error)
      || !lic_json_get_int (object, "waiting", FALSE, &waiting, error)
      || !lic_json_get_int (object, "capacity", FALSE, &capacity, error)
      || !lic_json_get_int (object, "renewed", FALSE, &renewed, error)
      || !lic_json_get_string (object, "renewal_starts", FALSE, &renewal_starts, error)
      || !lic_json_get_list (object, "notices", FALSE, LIC_TYPE_NOTICE,
                             (LicFromJsonFunc) lic_notice_new_from_json, &notices, error))
    return NULL;

  return g_object_new (LIC_TYPE_POOL,
                       "id", id,
                       "product-id", product_id,
                       "product-name", product_name,
                       "school-id", school_id,
                       "school-name", school_name,
                       "assigned", assigned,
                       "available", available,
                       "payable", payable,
                       "to-renew", to_renew,
                       "no-access", no_access,
                       "phase", phase,
                       "term-end", term_end,
                       "awaiting-delivery", awaiting_delivery,
                       "awaiting-since", awaiting_since,
                       "linked-group-ids", linked_group_ids,
                       "waiting", waiting,
                       "capacity", capacity,
                       "renewed", renewed,
                       "renewal-starts", renewal_starts,
                       "notices", notices,
                       NULL);
}

/**
 * lic_pool_to_json:
 *
 * Adds @self to @builder as one JSON object, in the form lic_pool_new_from_json() reads.
 */
void
lic_pool_to_json (LicPool   *self,
                  JsonBuilder *builder)
{
  g_return_if_fail (LIC_IS_POOL (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, self->product_id);
  json_builder_set_member_name (builder, "product_name");
  json_builder_add_string_value (builder, self->product_name != NULL ? self->product_name : "");
  json_builder_set_member_name (builder, "school_id");
  json_builder_add_int_value (builder, self->school_id);
  json_builder_set_member_name (builder, "school_name");
  json_builder_add_string_value (builder, self->school_name != NULL ? self->school_name : "");
  json_builder_set_member_name (builder, "assigned");
  json_builder_add_int_value (builder, self->assigned);
  json_builder_set_member_name (builder, "available");
  json_builder_add_int_value (builder, self->available);
  json_builder_set_member_name (builder, "payable");
  json_builder_add_int_value (builder, self->payable);
  json_builder_set_member_name (builder, "to_renew");
  json_builder_add_int_value (builder, self->to_renew);
  json_builder_set_member_name (builder, "no_access");
  json_builder_add_int_value (builder, self->no_access);
  json_builder_set_member_name (builder, "phase");
  if (self->phase != NULL)
    json_builder_add_string_value (builder, self->phase);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "term_end");
  if (self->term_end != NULL)
    json_builder_add_string_value (builder, self->term_end);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "awaiting_delivery");
  json_builder_add_int_value (builder, self->awaiting_delivery);
  json_builder_set_member_name (builder, "awaiting_since");
  if (self->awaiting_since != NULL)
    json_builder_add_string_value (builder, self->awaiting_since);
  else
    json_builder_add_null_value (builder);
  lic_json_add_ids (builder, "linked_group_ids",
                    self->linked_group_ids != NULL ? (const gint64 *) self->linked_group_ids->data
                                                   : NULL,
                    self->linked_group_ids != NULL ? self->linked_group_ids->len : 0);
  json_builder_set_member_name (builder, "waiting");
  json_builder_add_int_value (builder, self->waiting);
  json_builder_set_member_name (builder, "capacity");
  json_builder_add_int_value (builder, self->capacity);
  json_builder_set_member_name (builder, "renewed");
  json_builder_add_int_value (builder, self->renewed);
  json_builder_set_member_name (builder, "renewal_starts");
  if (self->renewal_starts != NULL)
    json_builder_add_string_value (builder, self->renewal_starts);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "notices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (self->notices); i++)
    {
      g_autoptr(LicNotice) notice = g_list_model_get_item (self->notices, i);

      lic_notice_to_json (notice, builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

gint64
lic_pool_get_id (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->id;
}

gint64
lic_pool_get_product_id (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->product_id;
}

const char *
lic_pool_get_product_name (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), NULL);

  return self->product_name;
}

gint64
lic_pool_get_school_id (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->school_id;
}

const char *
lic_pool_get_school_name (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), NULL);

  return self->school_name;
}

gint64
lic_pool_get_assigned (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->assigned;
}

gint64
lic_pool_get_available (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->available;
}

gint64
lic_pool_get_payable (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->payable;
}

gint64
lic_pool_get_to_renew (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->to_renew;
}

gint64
lic_pool_get_no_access (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->no_access;
}

const char *
lic_pool_get_phase (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), NULL);

  return self->phase;
}

const char *
lic_pool_get_term_end (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), NULL);

  return self->term_end;
}

gint64
lic_pool_get_awaiting_delivery (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->awaiting_delivery;
}

const char *
lic_pool_get_awaiting_since (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), NULL);

  return self->awaiting_since;
}

/**
 * lic_pool_get_linked_group_ids:
 * @n_group_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_group_ids) (nullable): the groups (classes) linked
 *   to the pool for auto-assignment, ascending
 */
const gint64 *
lic_pool_get_linked_group_ids (LicPool *self,
                               gsize   *n_group_ids)
{
  g_return_val_if_fail (LIC_IS_POOL (self), NULL);
  g_return_val_if_fail (n_group_ids != NULL, NULL);

  *n_group_ids = self->linked_group_ids != NULL ? self->linked_group_ids->len : 0;
  return *n_group_ids > 0 ? (const gint64 *) self->linked_group_ids->data : NULL;
}

gint64
lic_pool_get_waiting (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->waiting;
}

gint64
lic_pool_get_capacity (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->capacity;
}

gint64
lic_pool_get_renewed (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), 0);

  return self->renewed;
}

const char *
lic_pool_get_renewal_starts (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), NULL);

  return self->renewal_starts;
}

/**
 * lic_pool_get_notices:
 *
 * Returns: (transfer none): the pool's notices (LicNotice), most urgent first
 */
GListModel *
lic_pool_get_notices (LicPool *self)
{
  g_return_val_if_fail (LIC_IS_POOL (self), NULL);

  return self->notices;
}
