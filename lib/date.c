/* Dates as the pages print them, in English and Chinese forms. */
#include <stdio.h>
#include <string.h>

#include "readout.h"

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* A run of 1 to max digits at s[i] standing on its own (no digit around it): its value, and
 * *len; or -1. */
static int
number(const char *s, size_t n, size_t i, size_t max, size_t *len)
{
	size_t j = i;
	int v = 0;

	if (i >= n || !isdig(s[i]) || (i > 0 && isdig(s[i - 1])))
		return -1;
	while (j < n && isdig(s[j]) && j - i < max + 1)
		v = v * 10 + (s[j++] - '0');
	if (j - i > max || (j < n && isdig(s[j])))
		return -1;
	*len = j - i;
	return v;
}

/* A month name at s[i], starting a word: its number and *len (a dot after it included) */
static int
monthword(const char *s, size_t n, size_t i, size_t *len)
{
	size_t j = i;
	int m;

	if (i >= n || !is_alpha(s[i]) || (i > 0 && is_alpha(s[i - 1])))
		return 0;
	while (j < n && is_alpha(s[j]))
		j++;
	if (!(m = month_of(s + i, j - i)))
		return 0;
	if (j < n && s[j] == '.')
		j++;
	*len = j - i;
	return m;
}

static size_t
skip(const char *s, size_t n, size_t i, const char *chars)
{
	while (i < n && strchr(chars, s[i]) && s[i])
		i++;
	return i;
}

/* "st", "nd", "rd", "th" after a day */
static size_t
ordinal(const char *s, size_t n, size_t i)
{
	if (i + 1 < n && (!strncmp(s + i, "st", 2) || !strncmp(s + i, "nd", 2) ||
	    !strncmp(s + i, "rd", 2) || !strncmp(s + i, "th", 2)) &&
	    (i + 2 == n || !is_alpha(s[i + 2])))
		return i + 2;
	return i;
}

static int
isyear(int y)
{
	return y >= 1900 && y <= 2100;
}

/* The day and month found, ending at j; then ", YYYY" if it follows. The end, or 0 if a year
 * was needed and there is none. */
static size_t
withyear(const char *s, size_t n, size_t j, int m, int d, struct date *dt, int needyear)
{
	size_t len, k = skip(s, n, j, " ,");
	int y;

	dt->m = m;
	dt->d = d;
	dt->y = 0;
	if ((y = number(s, n, k, 4, &len)) >= 0 && len == 4 && isyear(y)) {
		dt->y = y;
		return k + len;
	}
	return needyear ? 0 : j;
}

/* The second day of a range after the first one ends at j: " to 18", "-18", "–18th",
 * " through 17", " and 18": where it ends, else j */
static size_t
rangeend(const char *s, size_t n, size_t j)
{
	static const char *const joins[] = { " to ", " through ", " and ", "-", " - ", "–",
		" – ", "~" };
	size_t k, len;

	for (k = 0; k < sizeof joins / sizeof joins[0]; k++) {
		size_t m = strlen(joins[k]);
		if (n - j >= m && !memcmp(s + j, joins[k], m) && number(s, n, j + m, 2, &len) >= 1)
			return ordinal(s, n, j + m + len);
	}
	return j;
}

/* Month[,] D[th][ to D[th]][,] [YYYY] at i; year optional unless needyear. Returns the end
 * or 0. */
static size_t
monthday(const char *s, size_t n, size_t i, struct date *dt, int needyear)
{
	size_t len, j;
	int m, d;

	if (!(m = monthword(s, n, i, &len)))
		return 0;
	j = skip(s, n, i + len, " ,");
	if ((d = number(s, n, j, 2, &len)) < 1)
		return 0;
	j = rangeend(s, n, ordinal(s, n, j + len));
	return withyear(s, n, j, m, d, dt, needyear);
}

/* D[th][ to D[th]][,] Month [YYYY] at i */
static size_t
daymonth(const char *s, size_t n, size_t i, struct date *dt, int needyear)
{
	size_t len, j;
	int m, d;

	if ((d = number(s, n, i, 2, &len)) < 1)
		return 0;
	size_t e = rangeend(s, n, ordinal(s, n, i + len));
	j = skip(s, n, e, " ,");
	if (j == e || !(m = monthword(s, n, j, &len)))
		return 0;
	j += len;
	return withyear(s, n, j, m, d, dt, needyear);
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日 at i */
static size_t
numeric(const char *s, size_t n, size_t i, struct date *dt)
{
	size_t len, j;
	int y, m, d;

	if ((y = number(s, n, i, 4, &len)) < 0 || len != 4 || !isyear(y))
		return 0;
	j = i + 4;
	if (j + 3 <= n && !memcmp(s + j, "年", 3)) {
		if ((m = number(s, n, j + 3, 2, &len)) < 0)
			return 0;
		j += 3 + len;
		if (j + 3 > n || memcmp(s + j, "月", 3) || (d = number(s, n, j + 3, 2, &len)) < 0)
			return 0;
		j += 3 + len;
		if (j + 3 <= n && !memcmp(s + j, "日", 3))
			j += 3;
	} else {
		char sep = j < n ? s[j] : 0;
		if (sep != '-' && sep != '/' && sep != '.')
			return 0;
		if ((m = number(s, n, j + 1, 2, &len)) < 0)
			return 0;
		j += 1 + len;
		if (j >= n || s[j] != sep || (d = number(s, n, j + 1, 2, &len)) < 0)
			return 0;
		j += 1 + len;
	}
	dt->y = y;
	dt->m = m;
	dt->d = d;
	return j;
}

/* DD-MM-YYYY, MM/DD/YYYY, DD.MM.YYYY at i: a day above 12 says which is which; when both
 * could be the month, '/' is read month first (as US sites print it), '-' and '.' day first,
 * and dt->amb is set so that the reader may settle it another way. */
static size_t
daynumeric(const char *s, size_t n, size_t i, struct date *dt)
{
	size_t len, j;
	int a, b, y;
	char sep;

	if ((a = number(s, n, i, 2, &len)) < 1)
		return 0;
	j = i + len;
	sep = j < n ? s[j] : 0;
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	if ((b = number(s, n, j + 1, 2, &len)) < 1)
		return 0;
	j += 1 + len;
	if (j >= n || s[j] != sep || (y = number(s, n, j + 1, 4, &len)) < 0 || len != 4 ||
	    !isyear(y))
		return 0;
	j += 1 + len;
	if (a > 12 && b > 12)
		return 0;
	dt->y = y;
	dt->amb = a <= 12 && b <= 12 && a != b;
	if (b > 12 || (a <= 12 && sep == '/')) {
		dt->m = a;
		dt->d = b;
	} else {
		dt->m = b;
		dt->d = a;
	}
	return j;
}

int
date_find(const char *s, size_t n, struct date *dt, size_t *at)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (isdig(s[i]) && (i == 0 || !isdig(s[i - 1]))) {
			dt->amb = 0;
			if (numeric(s, n, i, dt) || daynumeric(s, n, i, dt) ||
			    daymonth(s, n, i, dt, 1)) {
				*at = i;
				return 1;
			}
		} else if (is_alpha(s[i]) && (i == 0 || !is_alpha(s[i - 1])) && monthday(s, n, i, dt, 1)) {
			dt->amb = 0;
			*at = i;
			return 1;
		}
	}
	return 0;
}

int
date_find_event(const char *s, size_t n, struct date *dt, size_t *at)
{
	static const char *const parts[] = { "morning of ", "afternoon of ", "evening of ",
		"night of ", "eve of " };
	size_t i, k;

	dt->amb = 0;
	/* "January 24, ..." opening the text */
	if (monthday(s, n, 0, dt, 0)) {
		*at = 0;
		return 1;
	}
	for (i = 0; i + 3 < n; i++) {
		if (i > 0 && is_alpha(s[i - 1]))
			continue;
		size_t j;
		int in = 0;
		if (has_prefix(s + i, n - i, "on "))
			j = i + 3;
		else if (has_prefix(s + i, n - i, "from "))
			j = i + 5;
		else if (has_prefix(s + i, n - i, "in the "))
			j = i + 3, in = 1;	/* "In the afternoon of April 14th" */
		else
			continue;
		if (in || has_prefix(s + j, n - j, "the ")) {
			j += 4;
			for (k = 0; k < sizeof parts / sizeof parts[0]; k++)
				if (has_prefix(s + j, n - j, parts[k])) {
					j += strlen(parts[k]);
					break;
				}
			if (k == sizeof parts / sizeof parts[0])
				continue;
		}
		if (monthday(s, n, j, dt, 0) || daymonth(s, n, j, dt, 0)) {
			*at = i;
			return 1;
		}
	}
	return 0;
}

/* A full date starting exactly at i: its end, or 0 */
static size_t
dateat(const char *s, size_t n, size_t i, struct date *dt)
{
	size_t e;

	dt->amb = 0;
	if (i >= n)
		return 0;
	if (isdig(s[i]))
		return (e = numeric(s, n, i, dt)) ? e : (e = daynumeric(s, n, i, dt)) ? e :
		    daymonth(s, n, i, dt, 1);
	return monthday(s, n, i, dt, 1);
}

/* After a date ending at j: a time ("14:29", "4:57:21 PM") and spaces; where they end */
static size_t
timeafter(const char *s, size_t n, size_t j)
{
	size_t k = skip(s, n, j, " "), len;

	if (number(s, n, k, 2, &len) >= 0 && k + len < n && s[k + len] == ':' &&
	    number(s, n, k + len + 1, 2, &len) >= 0) {
		k = skip(s, n, k, "0123456789:");
		j = skip(s, n, k, " ");
		if (n - j >= 2 && (has_prefix(s + j, n - j, "am") || has_prefix(s + j, n - j, "pm")) &&
		    (n - j == 2 || !is_alpha(s[j + 2])))
			j += 2;
	}
	return skip(s, n, j, " ");
}

size_t
date_lead(const char *s, size_t n, struct date *dt)
{
	size_t i = 0, e;

	if (n && !isdig(s[0])) {	/* "date 2024-06-03 ...", "Date: 2024-06-03 ..." */
		if (!has_prefix(s, n, "date"))
			return 0;
		i = 4;
		if (i < n && s[i] == ':')
			i++;
		else if (n - i >= 3 && !memcmp(s + i, "：", 3))
			i += 3;
		i = skip(s, n, i, " ");
		if (i == 4 || i >= n || !isdig(s[i]))
			return 0;
	}
	if (!(e = dateat(s, n, i, dt)) || (e < n && (isdig(s[e]) || is_alpha(s[e]))))
		return 0;
	return timeafter(s, n, e);
}

size_t
date_tail(const char *s, size_t n, struct date *dt)
{
	size_t i, e;

	if (n < 12 || !(isdig(s[n - 1]) || s[n - 1] == ')' || s[n - 1] == ']' ||
	    !memcmp(s + n - 3, "）", 3)))
		return 0;
	for (i = n > 45 ? n - 45 : 1; i < n; i++) {
		if (!(isdig(s[i]) || is_alpha(s[i])) || isdig(s[i - 1]) || is_alpha(s[i - 1]))
			continue;
		if (!(e = dateat(s, n, i, dt)))
			continue;
		e = timeafter(s, n, e);
		if (e < n && (s[e] == ')' || s[e] == ']'))
			e++;
		else if (n - e >= 3 && !memcmp(s + e, "）", 3))
			e += 3;
		if (e != n)
			continue;
		while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '['))
			i--;
		if (i >= 3 && !memcmp(s + i - 3, "（", 3))
			i -= 3;
		while (i > 0 && s[i - 1] == ' ')
			i--;
		return i;
	}
	return 0;
}

size_t
date_daymonth_at(const char *s, size_t n, struct date *dt)
{
	dt->amb = 0;
	size_t e = monthday(s, n, 0, dt, 0);

	return e ? e : daymonth(s, n, 0, dt, 0);
}

int
date_valid(struct date dt)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (dt.y % 4 == 0 && dt.y % 100 != 0) || dt.y % 400 == 0;

	if (dt.m < 1 || dt.m > 12 || dt.d < 1)
		return 0;
	return dt.d <= days[dt.m - 1] + (dt.m == 2 && leap);
}

int
date_latest_year(const char *s, size_t n)
{
	size_t i, len;
	int y, best = 0;

	for (i = 0; i < n; i++) {
		if (!isdig(s[i]) || (i > 0 && (isdig(s[i - 1]) || is_alpha(s[i - 1]) || s[i - 1] == '.')))
			continue;
		len = 0;
		y = number(s, n, i, 4, &len);
		if (len == 4 && y >= 1949 && y <= 2100 && (i + 4 == n || !is_alpha(s[i + 4]) ||
		    s[i + 4] == 's') && y > best)
			best = y;
		i += len ? len - 1 : 0;
	}
	return best;
}

void
date_format(struct date dt, char *out)
{
	snprintf(out, 11, "%04d-%02d-%02d", (dt.y % 10000 + 10000) % 10000, (dt.m % 100 + 100) % 100,
	    (dt.d % 100 + 100) % 100);
}
