"""China's statutory public holidays, for the working-day calendar.

New Year, Labour Day and National Day fall on fixed dates; Spring Festival,
Qingming, Dragon Boat and Mid-Autumn follow the lunar calendar and the solar
terms, so their dates come from a table (astronomical facts, not guesses).
A year outside the table gets the fixed-date holidays only. The State
Council's yearly make-up working days (调休) are entered by hand.
"""
from datetime import date, timedelta

# year: (Spring Festival day 1, Qingming, Dragon Boat, Mid-Autumn)
LUNAR = {
    2024: ((2, 10), (4, 4), (6, 10), (9, 17)),
    2025: ((1, 29), (4, 4), (5, 31), (10, 6)),
    2026: ((2, 17), (4, 5), (6, 19), (9, 25)),
    2027: ((2, 6), (4, 5), (6, 9), (9, 15)),
    2028: ((1, 26), (4, 4), (5, 28), (10, 3)),
    2029: ((2, 13), (4, 4), (6, 16), (9, 22)),
    2030: ((2, 3), (4, 5), (6, 5), (9, 12)),
    2031: ((1, 23), (4, 5), (6, 24), (10, 1)),
    2032: ((2, 11), (4, 4), (6, 12), (9, 19)),
    2033: ((1, 31), (4, 4), (6, 1), (9, 8)),
    2034: ((2, 19), (4, 5), (6, 20), (9, 27)),
    2035: ((2, 8), (4, 5), (6, 10), (9, 16)),
}


def cn_public_holidays(year):
    """[(name, first day, last day)] of the public holidays of ``year``
    (the Spring Festival from its eve to the sixth day; a Mid-Autumn
    Festival falling in or next to National Day's week joins it, one day
    longer)."""
    holidays = [("元旦 New Year's Day", date(year, 1, 1), date(year, 1, 1)),
                ("劳动节 Labour Day", date(year, 5, 1), date(year, 5, 5))]
    national = [date(year, 10, 1), date(year, 10, 7)]
    if year in LUNAR:
        spring, qingming, dragon, autumn = (date(year, m, d) for m, d in LUNAR[year])
        holidays += [
            ("春节 Spring Festival", spring - timedelta(days=1),
             spring + timedelta(days=6)),
            ("清明节 Qingming Festival", qingming, qingming),
            ("端午节 Dragon Boat Festival", dragon, dragon)]
        if national[0] <= autumn <= national[1]:  # one more day for it
            national[1] += timedelta(days=1)
        elif (national[0] - timedelta(days=2) <= autumn
              <= national[1] + timedelta(days=1)):
            national = [min(national[0], autumn), max(national[1], autumn)]
        else:
            holidays.append(("中秋节 Mid-Autumn Festival", autumn, autumn))
    holidays.append(("国庆节 National Day", national[0], national[1]))
    return sorted(holidays, key=lambda holiday: holiday[1])
