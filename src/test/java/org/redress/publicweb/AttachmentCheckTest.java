package org.redress.publicweb;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentCheckTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    @Test
    void aPhotoIsAcceptedByWhatItContains() {
        assertThat(AttachmentCheck.check(new AttachmentCheck.Upload("IMG_0001", PNG)).mediaType()).isEqualTo("image/png");
    }

    @Test
    void aProgramNamedLikeAPhotoIsRefused() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        AttachmentCheck.Checked checked = AttachmentCheck.check(new AttachmentCheck.Upload("holiday.png", exe));
        assertThat(checked.mediaType()).isNull();
        assertThat(checked.error().message()).contains("holiday.png", "must be a PDF");
    }

    @Test
    void aStaffUploadIsJudgedByTheSameCheckAndTheProblemNamesItsOwnFieldS06() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        AttachmentCheck.Checked checked = AttachmentCheck.check(new AttachmentCheck.Upload("holiday.png", exe), "file");
        assertThat(checked.error().field()).isEqualTo("file");
        assertThat(checked.error().message()).isEqualTo("holiday.png must be a PDF, a JPEG or PNG photo, or a text file");
        assertThat(AttachmentCheck.check(new AttachmentCheck.Upload("IMG_0001", PNG), "file").mediaType()).isEqualTo("image/png");
        assertThat(AttachmentCheck.RULE).isEqualTo("Each file must be smaller than 5 MB: a PDF, a JPEG or PNG photo, or a text file.");
    }

    @Test
    void plainTextAndPdfAreAccepted() {
        assertThat(AttachmentCheck.check(new AttachmentCheck.Upload("notes.txt", "The leak started in October.".getBytes(StandardCharsets.UTF_8)))
                .mediaType()).isEqualTo("text/plain");
        assertThat(AttachmentCheck.check(new AttachmentCheck.Upload("letter.pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)))
                .mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void aFileOverFiveMegabytesIsRefused() {
        byte[] big = new byte[AttachmentCheck.LARGEST_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(AttachmentCheck.check(new AttachmentCheck.Upload("big.png", big)).error().message()).contains("smaller than 5 MB");
    }

    @Test
    void moreThanThreeFilesAreRefused() {
        assertThat(AttachmentCheck.tooMany(Collections.nCopies(4, new AttachmentCheck.Upload("a.png", PNG)))).isNotNull();
        assertThat(AttachmentCheck.tooMany(List.of(new AttachmentCheck.Upload("a.png", PNG)))).isNull();
    }

    @Test
    void aDownloadNameKeepsNoFolderOrOddCharacters() {
        assertThat(Attachments.safeName("C:\\Users\\me\\..\\photo\"1\".png")).isEqualTo("photo_1_.png");
    }
}
