package io.fiberize.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomTest {

    private final Room room = new Room();

    @Test
    void fansEachLineOutToEveryoneElse() throws Exception {
        Member a = joined();
        Member b = joined();
        Member c = joined();
        room.say(b, "hi");

        assertThat(queued(a)).containsExactly("* you are guest-1, 1 in the room (/nick NAME renames you, /quit leaves)",
                "* guest-2 joined", "* guest-3 joined", "guest-2: hi");
        assertThat(queued(b)).containsExactly("* you are guest-2, 2 in the room (/nick NAME renames you, /quit leaves)",
                "* guest-3 joined");
        assertThat(queued(c)).containsExactly("* you are guest-3, 3 in the room (/nick NAME renames you, /quit leaves)",
                "guest-2: hi");
    }

    @Test
    void renamesOnlyToAFreeValidNickAndSkipsTakenGuestNicks() throws Exception {
        Member a = joined();
        Member b = joined();
        room.rename(a, "guest-3");
        room.rename(b, "guest-3");
        room.rename(b, "no spaces");
        Member c = joined();
        queued(a);

        assertThat(queued(b)).endsWith("* guest-1 is now guest-3", "* guest-3 is taken",
                "* a nick is 1 to 32 letters, digits, '-' or '_'", "* guest-4 joined");
        assertThat(c.nick()).isEqualTo("guest-4");
        room.leave(c);
        room.leave(c);
        assertThat(queued(a)).containsExactly("* guest-4 left");
    }

    private Member joined() {
        Member member = new Member(new Socket());
        room.join(member);
        return member;
    }

    private static List<String> queued(Member member) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        while (!member.caughtUp()) {
            lines.add(member.nextLine());
        }
        return lines;
    }
}
