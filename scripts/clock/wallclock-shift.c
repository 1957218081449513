/*
 * Moves the wall clock of a process by WALLCLOCK_SHIFT_SECONDS, and nothing else.
 *
 * Why not libfaketime: it also rewrites timed waits (pthread_cond_timedwait, sem_timedwait) and file times, and under it
 * .NET's timed waits return at once (WebApplicationFactory: "Timed out waiting for the entry point to build the IHost after
 * 00:05:00" within two seconds) and Chromium's page loads never finish. The question the clock run asks is narrower: does
 * any code or test read "now" from the wall clock and only pass near one date? So only the three calls that read the wall
 * clock are moved: clock_gettime for the realtime clocks, gettimeofday and time. Monotonic clocks, which every timer,
 * time-out and wait measures with, stay true; file times stay true (a file written now is stamped with the real time, as a
 * disk would stamp it on a machine whose clock is wrong).
 *
 * Build: cc -shared -fPIC -O2 -o wallclock-shift.so wallclock-shift.c -ldl
 * Use:   WALLCLOCK_SHIFT_SECONDS=34560000 LD_PRELOAD=$PWD/wallclock-shift.so dotnet test ...
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static long long shift_seconds(void)
{
    static int read;
    static long long shift;
    if (!read) {
        const char *value = getenv("WALLCLOCK_SHIFT_SECONDS");
        shift = value ? strtoll(value, NULL, 10) : 0;
        read = 1;
    }
    return shift;
}

static int is_wall_clock(clockid_t clock)
{
    return clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE
#ifdef CLOCK_TAI
        || clock == CLOCK_TAI
#endif
        ;
}

int clock_gettime(clockid_t clock, struct timespec *now)
{
    static int (*real)(clockid_t, struct timespec *);
    if (!real) {
        real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
    }
    int result = real(clock, now);
    if (result == 0 && is_wall_clock(clock)) {
        now->tv_sec += shift_seconds();
    }
    return result;
}

int gettimeofday(struct timeval *restrict now, void *restrict zone)
{
    static int (*real)(struct timeval *restrict, void *restrict);
    if (!real) {
        real = (int (*)(struct timeval *restrict, void *restrict))dlsym(RTLD_NEXT, "gettimeofday");
    }
    int result = real(now, zone);
    if (result == 0) {
        now->tv_sec += shift_seconds();
    }
    return result;
}

time_t time(time_t *out)
{
    struct timespec now;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0) {
        return (time_t)-1;
    }
    if (out) {
        *out = now.tv_sec;
    }
    return now.tv_sec;
}
