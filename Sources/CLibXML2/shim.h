// libxml2's headers without their ICU part: Debian builds libxml2 with ICU, whose headers clash with the ICU that
// Foundation carries. Only the parser's functions and the node structures are used, none of ICU's types.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
