/* extract-people: a person record for every person an article names: the fullest form of the
 * name, the posts the article gives them, and the highest role they had at the meeting, and every role they had. */
#include <string.h>

#include "readout.h"

/* n in decimal (buf_printf's work without its cost: this is once per person) */
static void
addint(struct buf *out, int n)
{
	char d[24];
	size_t k = sizeof d;
	unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;

	do
		d[--k] = (char)('0' + u % 10);
	while (u /= 10);
	if (n < 0)
		d[--k] = '-';
	buf_add(out, d + k, sizeof d - k);
}

static void
people(struct buf *out, const struct article *a, void *arg)
{
	struct people *pp = arg;
	struct buf key = { 0 };
	size_t i;

	people_analyse(pp, a);
	for (i = 0; i < pp->np; i++) {
		const struct person *p = &pp->p[i];
		buf_adds(out, "{\"type\":\"person\",\"article\":\"");
		buf_add(out, a->id, 16);
		buf_adds(out, "\",\"name\":");
		buf_json_str(out, pp->text.p + p->name, p->namen);
		buf_adds(out, ",\"title\":");
		if (p->titles.n)
			buf_json_str(out, p->titles.p, p->titles.n);
		else
			buf_adds(out, "null");
		buf_adds(out, ",\"role\":\"");
		buf_adds(out, role_names[p->role]);
		buf_adds(out, "\",\"mentions\":");
		addint(out, p->mentions);
		buf_adds(out, ",\"roles\":[");
		/* every role that applies, highest first; "mentioned" when there is none */
		if (!p->roles)
			buf_adds(out, "\"mentioned\"");
		for (int r = ROLE_PRESIDED, sep = 0; r > ROLE_MENTIONED; r--)
			if (p->roles & 1u << r) {
				buf_adds(out, sep ? ",\"" : "\"");
				buf_adds(out, role_names[r]);
				buf_addc(out, '"');
				sep = 1;
			}
		buf_adds(out, "],\"key\":");
		key.n = 0;
		const char *name = pp->text.p + p->name;
		if (p->surn && p->surn < p->namen && !memchr(name, ' ', p->namen)) {
			/* a name run into one word ("YouXidi") meets its spaced form */
			struct buf spaced = { 0 };
			buf_add(&spaced, name, p->surn);
			buf_addc(&spaced, ' ');
			buf_add(&spaced, name + p->surn, p->namen - p->surn);
			person_key(&key, spaced.p, spaced.n);
			buf_free(&spaced);
		} else
			person_key(&key, name, p->namen);
		buf_json_str(out, key.p, key.n);
		buf_adds(out, "}\n");
	}
	buf_free(&key);
}

int
main(int argc, char *argv[])
{
	struct people pp = { 0 };
	struct extractor x = { 0 };
	int ret;

	x.derive = people;
	x.counter = C_PEOPLE;
	x.arg = &pp;
	x.lexicons = 1;
	ret = extract_main(argc, argv, &x, "Write a person record for every person each article "
	    "names: name, posts, role.");
	people_free(&pp);
	lex_free();
	return ret;
}
