import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.*;
import java.util.Random;
/**
 * The CPU cost of the audit chain's per-entry work, apart from any database: what
 * {@code AuditChain.link} does for each entry (length-prefixed encoding, a new Mac, HMAC-SHA256 over
 * the previous MAC and the entry), in one thread, three rounds.
 * <pre>java bench/HmacCost.java ENTRY_BYTES ENTRIES      e.g. java bench/HmacCost.java 2048 100000</pre>
 */
public class HmacCost {
    public static void main(String[] a) throws Exception {
        int size = Integer.parseInt(a[0]), n = Integer.parseInt(a[1]);
        byte[] entry = new byte[size]; new Random(1).nextBytes(entry);
        SecretKeySpec key = new SecretKeySpec(new byte[32], "HmacSHA256");
        byte[] prev = new byte[32];
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                // what the chain does per entry: encode (a copy through DataOutputStream), new Mac, HMAC
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
                try (DataOutputStream out = new DataOutputStream(bytes)) { out.writeLong(i); out.writeInt(size); out.write(entry); }
                Mac mac = Mac.getInstance("HmacSHA256"); mac.init(key); mac.update(prev);
                prev = mac.doFinal(bytes.toByteArray());
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println(n + " entries of " + size + " bytes: " + ms + " ms CPU (one thread)");
        }
    }
}
