/* Placeholder until the client lands. */
#include "lic-client.h"
