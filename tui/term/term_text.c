#include "term_text.h"

#include <stdint.h>

#include "text.h"

bool term_text_safe(const char *text)
{
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
            return false;
        if (cp == 0xFFFD && n == 1)
            return false; /* a byte that does not start valid UTF-8 */
    }
    return true;
}
