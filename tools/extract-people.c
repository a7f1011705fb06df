/* extract-people: a person record for every person an article names: the fullest form of the
 * name, the posts the article gives them, and the highest role they had at the meeting, and every role they had. */
#include <string.h>

#include "readout.h"

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
		buf_printf(out, ",\"role\":\"%s\",\"mentions\":%d,\"roles\":[", role_names[p->role],
		    p->mentions);
		/* every role that applies, highest first; "mentioned" when there is none */
		if (!p->roles)
			buf_adds(out, "\"mentioned\"");
		for (int r = ROLE_PRESIDED, sep = 0; r > ROLE_MENTIONED; r--)
			if (p->roles & 1u << r) {
				buf_printf(out, "%s\"%s\"", sep ? "," : "", role_names[r]);
				sep = 1;
			}
		buf_adds(out, "],\"key\":");
		key.n = 0;
		person_key(&key, pp->text.p + p->name, p->namen);
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
