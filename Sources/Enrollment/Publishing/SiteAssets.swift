/// The two static files every published site carries, the same bytes for every run and
/// language: `site.css` (screen from 320 px phones up, and an A4 print style) and `site.js`
/// (the search and the in-page lottery check, with its own SHA-256 for browsers without
/// WebCrypto). Words come from the page (`SiteLanguage`), never from these files.
enum SiteAssets {
    /// `site.css`: type at least 16 px, tap targets at least 44 px, no horizontal scrolling of
    /// the page (wide tables and charts scroll inside their own box); in print: A4, no menu,
    /// search or pager, table headers repeated on every page, no row cut across pages.
    static let css = #"""
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;margin:0 auto;max-width:1100px;padding:0 12px 24px;overflow-wrap:anywhere}
        h1{font-size:24px;line-height:1.3;margin:10px 0 2px}
        h2{font-size:20px;margin:28px 0 8px;border-bottom:2px solid #d7e2ee}
        h3{font-size:18px;margin:18px 0 6px}
        p,li,dd,dt,td,th,input,button,summary,pre,code{font-size:16px}
        a{color:#0b57a4}
        .notice{background:#fff7dc;border:1px solid #d9b54a;border-radius:6px;padding:6px 10px;margin:8px 0 4px}
        .notice p{margin:2px 0}
        .notice a,td a,p>a:only-child,li>a:only-child{display:inline-flex;align-items:center;min-height:44px;min-width:44px}
        .round{margin:0 0 4px;color:#444}
        nav.menu{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0 10px;padding:0}
        nav.menu a,.pager a,.pager span,a.button{display:inline-flex;align-items:center;min-height:44px;min-width:44px;padding:0 12px;border:1px solid #b9cde2;border-radius:6px;background:#f2f7fc;text-decoration:none}
        .pager{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
        .pager span{border-color:#0b57a4;background:#0b57a4;color:#fff}
        .pager span.gap{border-color:transparent;background:none;color:inherit}
        form.search{display:flex;gap:8px;margin:6px 0}
        form.search input{flex:1;min-width:0;min-height:48px;font-size:18px;padding:0 10px;border:2px solid #0b57a4;border-radius:6px}
        form.search button{min-height:48px;min-width:72px;font-size:18px;padding:0 16px;border:0;border-radius:6px;background:#0b57a4;color:#fff}
        .card{border:2px solid #0b57a4;border-radius:8px;padding:8px 12px;margin:10px 0}
        .card:empty{display:none}
        .card dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:6px 0}
        .card dt{color:#555}
        .card dd{margin:0}
        .card .status{font-size:20px;font-weight:bold}
        .check{border-radius:6px;padding:8px 10px;margin:8px 0}
        .check[data-check=match]{background:#e6f4ea;color:#0d652d;border:2px solid #0d652d}
        .check[data-check=mismatch]{background:#fce8e6;color:#a50e0e;border:4px solid #a50e0e;font-size:20px;font-weight:bold}
        .check[data-check=unavailable],.check[data-check=checking]{background:#f3f3f3;border:1px solid #999}
        .scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch;margin:6px 0 14px}
        table{border-collapse:collapse}
        th,td{border:1px solid #c8c8c8;padding:6px 8px;text-align:left;vertical-align:top}
        th{background:#eef3f8}
        .hash,table.hash-last td:last-child{font-family:ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all}
        pre{white-space:pre-wrap;word-break:break-all;background:#f5f5f5;padding:8px;border-radius:4px}
        svg.chart{display:block;max-width:none}
        details{margin:6px 0}
        summary{min-height:44px;padding:10px 0;cursor:pointer}
        figure{margin:8px 0}
        figcaption{font-weight:bold}
        td.n{white-space:nowrap}
        table.signatures{width:100%;margin-top:12px}
        table.signatures th{width:10%;white-space:nowrap}
        table.signatures td.sign{width:55%;height:64px}
        table.signatures td.date{width:25%}
        @media print{
          @page{size:A4;margin:12mm}
          nav.menu,.pager,form.search,.card,.no-print{display:none!important}
          body{max-width:none;padding:0;font-size:11pt}
          p,li,dd,dt,td,th,pre,code{font-size:10pt}
          h1{font-size:16pt}h2{font-size:13pt;break-after:avoid;page-break-after:avoid}
          .scroll{overflow:visible}
          table{width:100%}
          thead{display:table-header-group}
          tr,th,td{break-inside:avoid;page-break-inside:avoid}
          th,td{padding:2px 4px}
          .notice{background:none;border:1px solid #000}
          a{color:inherit;text-decoration:none}
          details>*{display:block}
          table.signatures td.sign,table.signatures td.date{height:13mm}
        }

        """#

    /// `site.js`: SHA-256 (FIPS 180-4) in plain script, the search of a `student_id` that loads
    /// only the shard holding it (a `<script>` element, so the site works from the file system),
    /// the result card, and the check of the shown lottery number against the published seed
    /// (WebCrypto where the page has it, else the script's own SHA-256). In Node,
    /// `require("./site.js")` gives `sha256Hex(bytes)`, `utf8(text)`, `lotteryText(…)`,
    /// `ringPositions(n, s, k)` and `hex64(position)`; a level placed by a ring draw is checked
    /// by the applicant's position in the ring's order instead of a SHA-256.
    static let script = #"""
        (function (root) {
          "use strict";
          var K = [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

          function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

          function hex(bytes) {
            var s = "";
            for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
            return s;
          }

          /// The SHA-256 digest of a byte array, as 64 lowercase hex digits.
          function sha256Hex(bytes) {
            var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
            var n = bytes.length, total = Math.ceil((n + 9) / 64) * 64;
            var m = new Uint8Array(total);
            m.set(bytes);
            m[n] = 0x80;
            var high = Math.floor(n / 0x20000000), low = (n * 8) >>> 0;
            m[total - 8] = high >>> 24; m[total - 7] = high >>> 16; m[total - 6] = high >>> 8; m[total - 5] = high;
            m[total - 4] = low >>> 24; m[total - 3] = low >>> 16; m[total - 2] = low >>> 8; m[total - 1] = low;
            var w = new Array(64);
            for (var block = 0; block < total; block += 64) {
              for (var t = 0; t < 16; t++) {
                var j = block + 4 * t;
                w[t] = (m[j] << 24) | (m[j + 1] << 16) | (m[j + 2] << 8) | m[j + 3];
              }
              for (t = 16; t < 64; t++) {
                var s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
                var s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
                w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
              }
              var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
              for (t = 0; t < 64; t++) {
                var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
                var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
                k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
              }
              h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
              h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
            }
            var out = [];
            for (var i = 0; i < 8; i++) out.push(h[i] >>> 24, (h[i] >>> 16) & 255, (h[i] >>> 8) & 255, h[i] & 255);
            return hex(out);
          }

          /// The UTF-8 bytes of a text.
          function utf8(text) {
            var out = [];
            for (var i = 0; i < text.length; i++) {
              var c = text.codePointAt(i);
              if (c > 0xffff) i++;
              if (c < 0x80) out.push(c);
              else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
              else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
              else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
            }
            return new Uint8Array(out);
          }

          /// The text whose SHA-256 is a lottery number (docs/LOTTERY.md).
          function lotteryText(seed, draw, id) { return "enroll-lottery/1\n" + seed + "\n" + draw + "\n" + id; }

          /// The position (1 = taken first) of each number 1…n of a ring draw of start s and
          /// interval k (docs/LOTTERY.md section 7), by a Fenwick tree of the numbers not yet
          /// taken, as enroll takes them: O(n log n).
          function ringPositions(n, s, k) {
            var tree = new Int32Array(n + 1), positions = new Int32Array(n + 1), top = 1, i;
            for (i = 1; i <= n; i++) tree[i] = i & -i;
            while (top * 2 <= n) top *= 2;
            function remove(p) { for (; p <= n; p += p & -p) tree[p]--; }
            function upTo(p) { var c = 0; for (; p > 0; p -= p & -p) c += tree[p]; return c; }
            function at(index) {
              var position = 0, left = index + 1;
              for (var step = top; step > 0; step >>= 1) {
                if (position + step <= n && tree[position + step] < left) { position += step; left -= tree[position]; }
              }
              return position + 1;
            }
            var last = s, remaining = n - 1;
            positions[s] = 1;
            remove(s);
            for (var taken = 2; taken <= n; taken++) {
              last = at((upTo(last) + (k - 1) % remaining) % remaining);
              positions[last] = taken;
              remove(last);
              remaining--;
            }
            return positions;
          }

          /// A ring position as the 64 hex digits enroll writes it in place of a lottery number.
          function hex64(position) { var h = position.toString(16); return "0000000000000000000000000000000000000000000000000000000000000000".slice(h.length) + h; }

          /// Calls done(hex, method) with the SHA-256 of text: WebCrypto where there is one, else sha256Hex.
          function digest(text, done) {
            var bytes = utf8(text), subtle = root.crypto && root.crypto.subtle;
            if (subtle && subtle.digest && !root.ENROLL_NO_WEBCRYPTO) {
              subtle.digest("SHA-256", bytes).then(function (buffer) { done(hex(new Uint8Array(buffer)), "webcrypto"); },
                                                   function () { done(sha256Hex(bytes), "script"); });
            } else {
              done(sha256Hex(bytes), "script");
            }
          }

          var api = { sha256Hex: sha256Hex, utf8: utf8, lotteryText: lotteryText, digest: digest, ringPositions: ringPositions, hex64: hex64 };
          if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
          root.enroll = api;
          var config = document.getElementById("site-data");
          if (!config) return;
          var site = JSON.parse(config.textContent), words = site.words, loaded = {}, rings = {};
          root.enrollShard = function (prefix, records) { loaded[prefix] = records; };

          function say(key) {
            var text = words[key] || key;
            for (var i = 1; i < arguments.length; i++) text = text.split("%" + i).join(String(arguments[i]));
            return text;
          }

          /// Full-width digits and letters (as typed with a Chinese input method) become ASCII.
          function normalize(q) {
            q = q.replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); }).trim();
            return q.normalize ? q.normalize("NFC") : q;
          }

          /// The shard holding id q: follow the split prefixes one character at a time; null where
          /// no id goes on with the next character.
          function shardOf(q) {
            var chars = Array.from(q), prefix = "", i = 0;
            if (site.empty) return null;
            while (Object.prototype.hasOwnProperty.call(site.splits, prefix)) {
              var c = i < chars.length ? chars[i++] : "\u0000";
              if (Array.from(site.splits[prefix]).indexOf(c) < 0) return null;
              prefix += c;
              if (c === "\u0000") break;
            }
            return prefix;
          }

          /// The shard's file (SearchShards.path): letters, digits and - as they are, other bytes _xx.
          function shardPath(prefix) {
            var end = prefix.slice(-1) === "\u0000", stem = end ? prefix.slice(0, -1) : prefix, name = "";
            if (prefix === "") return "search/all.js";
            var bytes = utf8(stem);
            for (var i = 0; i < bytes.length; i++) {
              var b = bytes[i], c = String.fromCharCode(b);
              name += /[A-Za-z0-9-]/.test(c) && b < 128 ? c : "_" + (b < 16 ? "0" : "") + b.toString(16);
            }
            return "search/id-" + name + (end ? "_" : "") + ".js";
          }

          function load(prefix, done, fail) {
            if (prefix === null) { done({}); return; }
            if (loaded[prefix]) { done(loaded[prefix]); return; }
            var path = shardPath(prefix);
            var tag = document.createElement("script");
            tag.src = path;
            tag.onload = function () { done(loaded[prefix] || {}); };
            tag.onerror = function () { fail(path); };
            document.head.appendChild(tag);
          }

          function add(list, label, value, field, attributes) {
            if (value === "" || value === null || value === undefined) return null;
            var dt = document.createElement("dt"), dd = document.createElement("dd");
            dt.textContent = label;
            dd.textContent = value;
            dd.setAttribute("data-field", field);
            for (var name in attributes || {}) dd.setAttribute(name, attributes[name]);
            list.appendChild(dt);
            list.appendChild(dd);
            return dd;
          }

          function show(q) {
            var out = document.getElementById("result");
            while (out.firstChild) out.removeChild(out.firstChild);
            q = normalize(q);
            out.setAttribute("data-found", "");
            if (!q) return;
            var prefix = shardOf(q);
            load(prefix, function (records) {
              // A record's key is its id without the shard's prefix (SearchRecords.shards).
              var key = prefix === null ? q : Array.from(q).slice(Array.from(prefix.replace("\u0000", "")).length).join("");
              var r = Object.prototype.hasOwnProperty.call(records, key) ? records[key] : null;
              if (!r) { out.setAttribute("data-found", "false"); out.textContent = say("notFound", q); return; }
              (site.kind === "roster" ? renderRoster : render)(out, q, r);
            }, function (path) {
              out.setAttribute("data-found", "false");
              out.textContent = say("loadFailed", path);
            });
          }

          /// Marks the card found, writes its heading; returns its list of fields.
          function card(out, heading) {
            out.setAttribute("data-found", "true");
            var h = document.createElement("h3");
            h.textContent = heading;
            out.appendChild(h);
            var list = document.createElement("dl");
            out.appendChild(list);
            return list;
          }

          /// r = [level key (position in site.keys), school_id, status or route (position in site.statusCodes), choice_rank, tier,
          /// tier words, the lottery number (a seeded one's first 16 hex digits),
          /// class_no, masked name, twin_group, note, and for a level placed by a ring draw the applicant's number on the roster, 1…n];
          /// empty fields at the end are left out of the shard ("" each, -1 for tier words and note)
          function render(out, q, r) {
            r = r.slice();
            while (r.length < 11) r.push(r.length === 5 || r.length === 10 ? -1 : "");
            var list = card(out, say("resultOf", q));
            var key = site.keys[r[0]], status = site.statusCodes[r[2]];
            var school = site.schools[r[1]] ? site.schools[r[1]] + " (" + r[1] + ")" : r[1];
            add(list, key === "high" ? words.route : words.status, words.statuses[status] || status, "status", { "data-status": status, "class": "status" });
            add(list, words.school, school, "school", { "data-school-id": r[1] });
            add(list, words.classNo, r[7], "class_no");
            if (key !== "high") add(list, words.choiceRank, r[3] !== "" ? say("choiceMet", r[3]) : status === "reassigned" ? words.noChoiceMet : "", "choice_rank");
            var number = add(list, words.lotteryNumber, r[6] && r[6] + (r[6].length < 64 ? "…" : ""), "lottery_number", { "class": "hash" });
            var check = document.createElement("div");
            check.className = "check";
            check.id = "check";
            if (number) out.appendChild(check);
            var more = document.createElement("dl");
            out.appendChild(more);
            add(more, words.tier, r[4] === "" ? "" : r[4] + (r[5] >= 0 ? " · " + site.tiers[r[5]] : "") + " (" + words.tierMeans + ")", "tier");
            add(more, words.note, r[10] >= 0 ? site.notes[r[10]] : "", "note");
            add(more, words.twinGroup, r[9], "twin_group");
            add(more, words.name, r[8], "name_masked");
            add(more, words.level, words.levels[key] || key, "level");
            if (!number) return;
            var means = document.createElement("p");
            means.textContent = words.lotteryMeans;
            out.appendChild(means);
            var draw = site.draws[key], ring = site.rings && site.rings[key];
            var seed = (site.seeds && site.seeds[key]) || site.seed;
            function finish(computed, method) {
              // The record holds a seeded number's first 16 hex digits: the computed number must
              // start with them, and is then the whole published number.
              var ok = computed.length === 64 && computed.slice(0, r[6].length) === r[6];
              if (ok) number.textContent = computed;
              check.setAttribute("data-check", ok ? "match" : "mismatch");
              check.setAttribute("data-method", method);
              check.textContent = ok ? words.checkMatch : words.checkMismatch;
              var detail = document.createElement("p");
              detail.className = "hash";
              detail.setAttribute("data-field", "computed");
              detail.textContent = words.computedNumber + ": " + computed;
              check.appendChild(detail);
            }
            if (ring && r.length > 11) {
              var positions = rings[key] || (rings[key] = ringPositions(ring.count, ring.start, ring.interval));
              finish(hex64(positions[r[11]]), "ring");
              return;
            }
            if (!seed || !draw) { check.setAttribute("data-check", "unavailable"); check.textContent = words.checkUnavailable; return; }
            check.setAttribute("data-check", "checking");
            check.textContent = words.checking;
            digest(lotteryText(seed, draw, r[9] || q), finish);
          }

          /// The site before the draw: r = [level, masked name, zone_id, note, then per school held:
          /// school_id, choice_rank (empty for a feeder or zone school), tier, tier words].
          function renderRoster(out, q, r) {
            var list = card(out, say("rosterCard", q));
            add(list, words.name, r[1], "name_masked");
            add(list, words.level, words.levels[r[0]] || r[0], "level");
            add(list, words.zone, r[2], "zone_id");
            add(list, words.note, r[3] >= 0 ? site.notes[r[3]] : "", "note");
            if (r.length <= 4) {
              var none = document.createElement("p");
              none.setAttribute("data-field", "no-school");
              none.textContent = words.noSchoolHeld;
              out.appendChild(none);
              return;
            }
            var table = document.createElement("table"), head = document.createElement("tr");
            table.id = "held";
            [words.school, words.howListed, words.tier].forEach(function (text) {
              var th = document.createElement("th");
              th.textContent = text;
              head.appendChild(th);
            });
            table.appendChild(head);
            for (var i = 4; i + 3 < r.length; i += 4) {
              var tr = document.createElement("tr");
              var cells = [site.schools[r[i]] ? site.schools[r[i]] + " (" + r[i] + ")" : r[i], r[i + 1] ? say("choiceMet", r[i + 1]) : words.byClaim,
                           r[i + 2] + (r[i + 3] >= 0 ? " · " + site.tiers[r[i + 3]] : "")];
              cells.forEach(function (text, k) {
                var td = document.createElement("td");
                td.textContent = text;
                td.setAttribute("data-field", ["school", "how", "tier"][k]);
                if (k === 0) td.setAttribute("data-school-id", r[i]);
                tr.appendChild(td);
              });
              table.appendChild(tr);
            }
            var box = document.createElement("div");
            box.className = "scroll";
            box.appendChild(table);
            out.appendChild(box);
            var means = document.createElement("p");
            means.textContent = words.tierMeans;
            out.appendChild(means);
          }

          document.getElementById("search-form").addEventListener("submit", function (event) {
            event.preventDefault();
            var q = document.getElementById("q").value;
            location.hash = "q=" + encodeURIComponent(normalize(q));
          });
          function fromAddress() {
            var m = /^#q=(.*)$/.exec(location.hash);
            if (!m) return;
            var q = decodeURIComponent(m[1]);
            document.getElementById("q").value = q;
            show(q);
          }
          root.addEventListener("hashchange", fromAddress);
          fromAddress();
        })(typeof window !== "undefined" ? window : globalThis);

        """#
}
