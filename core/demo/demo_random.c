/*
 * The generator's randomness (splitmix64: the same seed, the same register
 * on every machine) and the day arithmetic dates are drawn with.
 */
#include "demo_internal.h"

/* ---- Deterministic randomness (splitmix64) --------------------------------- */

uint64_t demo_rng_next(demo_rng *r)
{
    uint64_t z = (r->state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* 0 … n−1 (n > 0); the slight bias of the multiply-shift does not matter here. */
uint32_t demo_rng_below(demo_rng *r, uint32_t n)
{
    return (uint32_t)(((demo_rng_next(r) >> 32) * n) >> 32);
}

int32_t demo_rng_between(demo_rng *r, int32_t lo, int32_t hi)
{
    return lo + (int32_t)demo_rng_below(r, (uint32_t)(hi - lo + 1));
}

bool demo_rng_percent(demo_rng *r, unsigned percent)
{
    return demo_rng_below(r, 100) < percent;
}

const char *demo_rng_pick(demo_rng *r, const char *const *list)
{
    return list[demo_rng_below(r, (uint32_t)demo_list_length(list))];
}

void demo_rng_shuffle(demo_rng *r, size_t *items, size_t count)
{
    for (size_t i = count; i > 1; i--) {
        size_t j = demo_rng_below(r, (uint32_t)i);
        size_t t = items[i - 1];
        items[i - 1] = items[j];
        items[j] = t;
    }
}

/* ---- Days ------------------------------------------------------------------- */

/* Days since 1970-01-01 (proleptic Gregorian), so dates can be drawn from a range. */
int32_t demo_day_number(int year, int month, int day)
{
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

htx_date demo_day_date(int32_t z)
{
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    htx_date d;
    d.day = doy - (153 * mp + 2) / 5 + 1;
    d.month = mp < 10 ? mp + 3 : mp - 9;
    d.year = yoe + era * 400 + (d.month <= 2);
    return d;
}

void demo_day_iso(int32_t day, char out[HTX_ISO_DATE_SIZE])
{
    htx_date_iso(demo_day_date(day), out);
}

int32_t demo_iso_day(const char *iso)
{
    htx_date d;
    if (!htx_date_parse(iso, &d))
        return 0;
    return demo_day_number(d.year, d.month, d.day);
}
