/* lic-core.h: everything src/core offers, for the server, the client and the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-enum-types.h"
#include "lic-enums.h"
#include "lic-error.h"
#include "lic-json.h"
#include "lic-notice.h"
#include "lic-organization.h"
#include "lic-pool.h"
#include "lic-product.h"
#include "lic-purchase-request.h"
#include "lic-school.h"
#include "lic-user.h"
