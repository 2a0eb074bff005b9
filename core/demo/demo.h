/*
 * The demo register: deterministic, realistic Hanoi data as the Alliance's
 * figures describe it at the end of 2020 — 293 industry, 23 construction,
 * 253 trade, 189 transport and 46 other non-agricultural cooperatives (315 of
 * them founded 2018–2020), plus agricultural cooperatives and people's
 * credit funds, spread over the 30 districts, with club memberships.
 */
#ifndef HTX_DEMO_H
#define HTX_DEMO_H

#include "store.h"

/* Fills an empty store in one transaction; the same data on every run. */
htx_status htx_demo_populate(htx_store *s, htx_error *err);

#endif
