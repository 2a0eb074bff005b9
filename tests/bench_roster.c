/*
 * Benchmark: a club's roster of many members as a PDF and as a workbook.
 *
 *   bench_roster [MEMBERS] [DIR]
 *
 * Builds a roster of MEMBERS (default 1,000) members in memory, with names,
 * addresses and representatives of everyday length, writes it as a PDF
 * (Pango layout, Nghị định 30 layout) and as an XLSX into DIR, and prints
 * the time of each and the pages.  Then 100 members, for the ratio: the
 * time should grow with the members, not faster.  Figures, not pass/fail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "document_pdf.h"
#include "document_xlsx.h"
#include "roster_doc.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fill(htx_roster_doc *doc, int members)
{
    static const char *const kinds[] = {"dịch vụ nông nghiệp", "thương mại dịch vụ", "sản xuất nhựa",
                                        "vận tải hành khách", "mây tre đan xuất khẩu"};
    static const char *const places[] = {"Bát Tràng", "Đông Anh", "Phú Xuyên", "Thanh Trì", "Sóc Sơn"};
    memset(doc, 0, sizeof *doc);
    doc->club = htx_club_find("trade");
    doc->as_of = doc->issued = htx_date_today();
    htx_doc_settings_defaults(doc->club, &doc->settings);
    for (int i = 0; i < members; i++) {
        htx_roster_entry entry = {0}, *e = &entry;
        snprintf(e->code, sizeof e->code, "01%08d", 1000000 + i * 37);
        snprintf(e->name, sizeof e->name, "Hợp tác xã %s %s %d", kinds[i % 5], places[i % 5], i);
        snprintf(e->address, sizeof e->address, "Số %d, thôn Giang Cao", i % 200 + 1);
        snprintf(e->commune, sizeof e->commune, "%s", places[i % 5]);
        snprintf(e->district, sizeof e->district, "018");
        snprintf(e->representative, sizeof e->representative, "Nguyễn Thị Thanh %s", places[(i + 2) % 5]);
        snprintf(e->phone, sizeof e->phone, i % 2 ? "0912345678" : "02438261757");
        e->role = i == 0 ? HTX_ROLE_CHAIR : HTX_ROLE_MEMBER;
        snprintf(e->joined, sizeof e->joined, "2019-03-05");
        htx_roster_doc_append(doc, e);
    }
}

static void measure(int members, const char *dir)
{
    htx_roster_doc roster;
    fill(&roster, members);
    htx_document doc;
    htx_roster_document(&roster, &doc);
    char path[4096];
    htx_error err;
    int pages = 0;
    snprintf(path, sizeof path, "%s/bench-roster.pdf", dir);
    double start = now();
    htx_status st = htx_doc_write_pdf(&doc, path, &pages, &err);
    double pdf = now() - start;
    snprintf(path, sizeof path, "%s/bench-roster.xlsx", dir);
    start = now();
    htx_status st2 = htx_doc_write_xlsx(&doc, path, &err);
    double xlsx = now() - start;
    printf("%6d members: PDF %7.3f s (%d pages)%s, XLSX %7.3f s%s\n", members, pdf, pages,
           st == HTX_OK ? "" : " FAILED", xlsx, st2 == HTX_OK ? "" : " FAILED");
    htx_roster_doc_free(&roster);
}

int main(int argc, char **argv)
{
    int members = argc > 1 ? atoi(argv[1]) : 1000;
    const char *dir = argc > 2 ? argv[2] : ".";
    measure(100, dir);
    measure(members, dir);
    return 0;
}
