#!/bin/sh
# Captures the main.cf that Debian's own installer writes for each configuring mode, so that
# DebianEquivalenceTest can check that mailform writes the same configuration for the same answers.
#
# Run as root on a Debian 12 machine with the postfix and ssl-cert packages installed:
#     sh src/test/debian/capture.sh [NAME...]
# With names, only those captures run (a mode, a mode-without-snakeoil, or a seed below); without, all of them.
# It writes src/test/resources/debian/<mode>/{answers,main.cf,aliases,mailname} for internet-site,
# internet-smarthost, satellite and local-only, and the same into <mode>-without-snakeoil/ for a machine without
# the ssl-cert package's snakeoil pair. For each mode it
#   1. removes /etc/postfix/main.cf, /etc/aliases and /etc/mailname: Debian's postinst writes its answers only
#      into a new main.cf, and adds the root alias only to an aliases file it creates;
#   2. preseeds the answers below with debconf-set-selections, and sets debconf's private "set" flag of
#      postfix/destinations, without which the config script replaces a preseeded destinations answer by its
#      formula computed from this machine's host name;
#   3. runs dpkg-reconfigure -f noninteractive postfix;
#   4. saves the main.cf, aliases and mailname it wrote, and the answers given.
# Debian takes myhostname from this machine (hostname --fqdn, else /etc/hostname plus the domain of
# /etc/resolv.conf), not from an answer. The saved main.cf has that one value replaced by the answers' hostname,
# and answers records what Debian wrote (captured_myhostname).
# It also captures what the installer does to files that exist already, for ImportRoundTripTest: each directory
# src/test/debian/seeds/<name>/ holds the host's files before (main.cf, aliases, mailname; a missing one is
# removed), the answers to preseed (debconf, in debconf-set-selections format) and the questions to mark as
# answered (changed: debconf's private "changed" flag, which an interactive answer sets and without which the
# postinst leaves an existing main.cf alone). What the installer leaves is saved in
# src/test/resources/debian-edits/<name>/ (postfix/main.cf, aliases, mailname: those that exist) with its output
# (reconfigure.log): a hand-edited Internet Site switched to Satellite, a Local only host switched to Internet
# Site, and "No configuration" on a host without configuration.
# Debian takes myhostname from this machine (hostname --fqdn, else /etc/hostname plus the domain of
# /etc/resolv.conf), not from an answer. The saved main.cf has that one value replaced by the answers' hostname,
# and answers records what Debian wrote (captured_myhostname).
# Debian writes its TLS block only if /etc/ssl/private/ssl-cert-snakeoil.key exists. The captures without it are made
# first, with the pair moved aside if there is one; then the pair is put back, or created with make-ssl-cert if
# there was none (and removed again at the end), for the captures with it and those of the seeds.
#
# Everything it changes is put back when it ends, also on failure: /etc/postfix/main.cf, master.cf, /etc/aliases,
# /etc/aliases.db, /etc/mailname, the snakeoil pair, the postfix debconf answers with their "seen" flags, and the
# reload marker the config script leaves in /var/spool/postfix. A policy-rc.d that forbids starting services is
# installed for the duration if there is none, so that the postinst does not start Postfix.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
resources="$(cd -- "$here/../resources" && pwd)/debian"
edits="$(cd -- "$here/../resources" && pwd)/debian-edits"
only="$*"
questions="main_mailer_type mailname destinations relayhost mynetworks mailbox_limit recipient_delim protocols
root_address procmail chattr"

if [ "$(id -u)" != 0 ]; then
    echo "capture.sh: run as root (it reconfigures this machine's postfix package and restores it)" >&2
    exit 2
fi
for tool in postconf dpkg-reconfigure debconf-set-selections debconf-communicate make-ssl-cert; do
    command -v "$tool" >/dev/null || {
        echo "capture.sh: $tool is missing: apt-get install postfix ssl-cert" >&2
        exit 2
    }
done

backup=$(mktemp -d)
created_policy=""
created_snakeoil=""
snakeoil="/etc/ssl/private/ssl-cert-snakeoil.key /etc/ssl/certs/ssl-cert-snakeoil.pem"
restore() {
    for file in /etc/postfix/main.cf /etc/postfix/master.cf /etc/aliases /etc/aliases.db /etc/mailname; do
        saved="$backup/$(echo "$file" | tr / _)"
        if [ -e "$saved" ]; then
            cp -p "$saved" "$file"
        else
            rm -f "$file"
        fi
    done
    if [ -s "$backup/debconf" ]; then
        debconf-set-selections < "$backup/debconf"
        debconf-communicate postfix < "$backup/seen" >/dev/null || true
    fi
    # The config script leaves a reload (or restart) marker for the init script; remove the ones it added.
    if [ -s "$backup/markers" ]; then
        xargs rm -f < "$backup/markers"
    fi
    if [ -n "$created_policy" ]; then
        rm -f /usr/sbin/policy-rc.d
    fi
    for file in $snakeoil; do
        saved="$backup/$(echo "$file" | tr / _)"
        if [ -e "$saved" ] && [ ! -e "$file" ]; then
            mv "$saved" "$file"
        elif [ -n "$created_snakeoil" ]; then
            rm -f "$file"
        fi
    done
    if [ -n "$created_snakeoil" ]; then
        find /etc/ssl/certs -maxdepth 1 -lname ssl-cert-snakeoil.pem -delete # the hash link make-ssl-cert adds
    fi
    rm -rf "$backup"
}
trap restore EXIT
trap 'exit 1' HUP INT TERM

for file in /etc/postfix/main.cf /etc/postfix/master.cf /etc/aliases /etc/aliases.db /etc/mailname; do
    if [ -e "$file" ]; then
        cp -p "$file" "$backup/$(echo "$file" | tr / _)"
    fi
done
for question in $questions; do
    answer=$(echo "get postfix/$question" | debconf-communicate postfix) || true
    case $question in
        main_mailer_type | protocols) type=select ;;
        procmail | chattr) type=boolean ;;
        *) type=string ;;
    esac
    # debconf-communicate answers "0 value"; anything else means the question has no value to restore.
    case $answer in
        "0 "*) printf 'postfix postfix/%s %s %s\n' "$question" "$type" "${answer#0 }" >> "$backup/debconf" ;;
    esac
    # Preseeding marks a question as seen; remember which ones were, to put the flags back too.
    seen=$(echo "fget postfix/$question seen" | debconf-communicate postfix) || true
    echo "fset postfix/$question seen ${seen#0 }" >> "$backup/seen"
done
for marker in reload restart; do
    if [ ! -e "/var/spool/postfix/$marker" ]; then
        echo "/var/spool/postfix/$marker" >> "$backup/markers"
    fi
done
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=yes
fi

# capture MODE MAILER_TYPE MAILNAME HOSTNAME DESTINATIONS RELAYHOST MYNETWORKS MAILBOX_LIMIT RECIPIENT_DELIM
#         PROTOCOLS ROOT_ADDRESS PROCMAIL CHATTR
# Captures go to $resources/MODE$variant.
capture() {
    mode=$1
    out="$resources/$mode$variant"
    mkdir -p "$out"
    rm -f /etc/postfix/main.cf /etc/aliases /etc/aliases.db /etc/mailname
    {
        printf 'postfix postfix/main_mailer_type select %s\n' "$2"
        printf 'postfix postfix/mailname string %s\n' "$3"
        printf 'postfix postfix/destinations string %s\n' "$5"
        printf 'postfix postfix/relayhost string %s\n' "$6"
        printf 'postfix postfix/mynetworks string %s\n' "$7"
        printf 'postfix postfix/mailbox_limit string %s\n' "$8"
        printf 'postfix postfix/recipient_delim string %s\n' "$9"
        printf 'postfix postfix/protocols select %s\n' "${10}"
        printf 'postfix postfix/root_address string %s\n' "${11}"
        printf 'postfix postfix/procmail boolean %s\n' "${12}"
        printf 'postfix postfix/chattr boolean %s\n' "${13}"
    } | debconf-set-selections
    echo "fset postfix/destinations set true" | debconf-communicate postfix >/dev/null
    dpkg-reconfigure -f noninteractive postfix > "$backup/reconfigure-$mode.log" 2>&1 || {
        cat "$backup/reconfigure-$mode.log" >&2
        exit 1
    }
    captured=$(postconf -c /etc/postfix -h myhostname)
    if [ "$(grep -c '^myhostname = ' /etc/postfix/main.cf)" != 1 ]; then
        echo "capture.sh: expected one myhostname line in Debian's main.cf for $mode" >&2
        exit 1
    fi
    awk -v name="$4" '/^myhostname = / { print "myhostname = " name; next } { print }' /etc/postfix/main.cf \
        > "$out/main.cf"
    cp /etc/aliases "$out/aliases"
    cp /etc/mailname "$out/mailname"
    {
        echo "# The answers capture.sh gave Debian's installer (debconf question = answer), the host name it stands"
        echo "# for, and the myhostname Debian wrote from this machine's name before it was replaced by hostname."
        echo "mode=$mode"
        echo "main_mailer_type=$2"
        echo "mailname=$3"
        echo "hostname=$4"
        echo "destinations=$5"
        echo "relayhost=$6"
        echo "mynetworks=$7"
        echo "mailbox_limit=$8"
        echo "recipient_delim=$9"
        echo "protocols=${10}"
        echo "root_address=${11}"
        echo "procmail=${12}"
        echo "chattr=${13}"
        echo "snakeoil=$snakeoil_state"
        echo "captured_myhostname=$captured"
    } > "$out/answers"
    echo "capture.sh: $mode -> $out"
}

# capture_mode MODE: the installer's answers for MODE, captured into $resources/MODE$variant.
capture_mode() {
    case $1 in
        internet-site) capture internet-site "Internet Site" example.org mail.example.org \
            '$myhostname, example.org, mail.example.org, localhost.example.org, localhost' '' \
            '127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128 192.168.1.0/24' 51200000 + all alice true false ;;
        internet-smarthost) capture internet-smarthost "Internet with smarthost" example.com mail.example.com \
            '$myhostname, example.com, localhost.example.com, localhost' '[smtp.example.net]:587' \
            '127.0.0.0/8 10.1.0.0/16' 0 - ipv4 'admin@example.com' false false ;;
        satellite) capture satellite "Satellite system" example.net web1.example.net \
            '$myhostname, localhost.example.net, localhost' '[hub.example.net]' \
            '127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128' 0 + all 'ops@example.net' false true ;;
        local-only) capture local-only "Local only" build.example.org build.example.org \
            '$myhostname, localhost' '' '127.0.0.0/8' 100000000 '' ipv4 builder false false ;;
    esac
}
modes="internet-site internet-smarthost satellite local-only"

# edit NAME: runs the installer over the files of seeds/NAME, as described at the top.
edit() {
    name=$1
    seed="$here/seeds/$name"
    out="$edits/$name"
    rm -rf "$out"
    mkdir -p "$out"
    rm -f /etc/postfix/main.cf /etc/aliases /etc/aliases.db /etc/mailname
    for file in main.cf:/etc/postfix/main.cf aliases:/etc/aliases mailname:/etc/mailname; do
        if [ -f "$seed/${file%%:*}" ]; then
            cp "$seed/${file%%:*}" "${file#*:}"
        fi
    done
    debconf-set-selections < "$seed/debconf"
    while read -r question; do
        if [ -n "$question" ]; then
            echo "fset postfix/$question changed true" | debconf-communicate postfix >/dev/null
        fi
    done < "$seed/changed"
    dpkg-reconfigure -f noninteractive postfix > "$out/reconfigure.log" 2>&1 || {
        cat "$out/reconfigure.log" >&2
        exit 1
    }
    if [ -f /etc/postfix/main.cf ]; then
        mkdir -p "$out/postfix"
        cp /etc/postfix/main.cf "$out/postfix/main.cf"
    fi
    for file in aliases:/etc/aliases mailname:/etc/mailname; do
        if [ -f "${file#*:}" ]; then
            cp "${file#*:}" "$out/${file%%:*}"
        fi
    done
    echo "capture.sh: $name -> $out"
}

# wanted NAME: whether the command line asked for this capture (no names: every capture).
wanted() {
    case " ${only:-$1} " in
        *" $1 "*) return 0 ;;
        *) return 1 ;;
    esac
}

for file in $snakeoil; do
    if [ -e "$file" ]; then
        mv "$file" "$backup/$(echo "$file" | tr / _)"
    fi
done
variant=-without-snakeoil snakeoil_state=absent
for mode in $modes; do
    if wanted "$mode$variant"; then
        capture_mode "$mode"
    fi
done

for file in $snakeoil; do
    saved="$backup/$(echo "$file" | tr / _)"
    if [ -e "$saved" ]; then
        mv "$saved" "$file"
    fi
done
if [ ! -f /etc/ssl/private/ssl-cert-snakeoil.key ]; then
    created_snakeoil=yes
    make-ssl-cert generate-default-snakeoil
fi
variant="" snakeoil_state=present
for mode in $modes; do
    if wanted "$mode"; then
        capture_mode "$mode"
    fi
done
for seed in "$here"/seeds/*/; do
    name=$(basename "$seed")
    if wanted "$name"; then
        edit "$name"
    fi
done
