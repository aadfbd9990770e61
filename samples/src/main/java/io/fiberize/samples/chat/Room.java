package io.fiberize.samples.chat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keep the members in one room and fan each line out to everyone else; every method holds the room's monitor.
 *
 * <p>Lines the room sends: {@code <nick>: <text>} for a message, and notices that start with
 * {@code * }: {@code * you are <nick>, <n> in the room} to a member who joins, {@code * <nick> joined},
 * {@code * <nick> is now <new nick>}, {@code * <nick> left} to the others.
 */
final class Room {

    private static final Pattern NICK = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Set<Member> members = new LinkedHashSet<>();
    private long guests;

    /**
     * Add {@code member} under the next free {@code guest-N} nick, greet it and tell the others.
     */
    synchronized void join(Member member) {
        String nick;
        do {
            nick = "guest-" + ++guests;
        } while (taken(nick));
        member.nick(nick);
        members.add(member);
        member.deliver("* you are " + nick + ", " + members.size() + " in the room"
                + " (/nick NAME renames you, /quit leaves)");
        tellOthers(member, "* " + nick + " joined");
    }

    /**
     * Remove {@code member} and tell the others, if it was in the room.
     */
    synchronized void leave(Member member) {
        if (members.remove(member)) {
            tellOthers(member, "* " + member.nick() + " left");
        }
    }

    /**
     * Send {@code text} from {@code member} to every other member.
     */
    synchronized void say(Member member, String text) {
        tellOthers(member, member.nick() + ": " + text);
    }

    /**
     * Give {@code member} the nick {@code wanted} if it is valid and free, and tell everyone.
     */
    synchronized void rename(Member member, String wanted) {
        if (!NICK.matcher(wanted).matches()) {
            member.deliver("* a nick is 1 to 32 letters, digits, '-' or '_'");
        } else if (taken(wanted)) {
            member.deliver("* " + wanted + " is taken");
        } else {
            String old = member.nick();
            member.nick(wanted);
            member.deliver("* you are now " + wanted);
            tellOthers(member, "* " + old + " is now " + wanted);
        }
    }

    private boolean taken(String nick) {
        return members.stream().anyMatch(other -> other.nick().equals(nick));
    }

    private void tellOthers(Member from, String line) {
        for (Member member : members) {
            if (member != from) {
                member.deliver(line);
            }
        }
    }
}
