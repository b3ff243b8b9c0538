/* The debrief across groups: the files the exercise player saves (one per round, "Save the round as a
 * file", format manualen-session/1), read in the browser and laid over the exercises of the page.
 *
 * The page (templates/sessions.md.j2) holds script.manual-sessions__data (every exercise's structure and
 * the UI labels) and one hidden section per exercise, drawn at build time: its situations in card order,
 * their choices, the weak ones marked. For the exercises of the files loaded this shows how many groups
 * reached each situation and took each choice, the votes, the most common weak choices and the time per
 * situation against the planned minutes. A classic script (works from file://); the files are only
 * read, nothing is sent or kept.
 */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function clock(seconds) {
    var whole = Math.max(0, Math.round(seconds));
    var rest = whole % 60;
    return Math.floor(whole / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function count(value) {
    return typeof value === "number" && value >= 0 && isFinite(value) ? value : 0;
  }

  function Sessions(root, data) {
    this.root = root;
    this.data = data;
    this.labels = data.labels;
    this.sessions = [];
  }

  Sessions.prototype.start = function () {
    var labels = this.labels;
    var nojs = this.root.querySelector(".manual-sessions__nojs");
    if (nojs) nojs.remove();
    var controls = element("div", "manual-sessions__controls");
    var input = element("input", "manual-sessions__file");
    input.type = "file";
    input.multiple = true;
    input.accept = ".json,application/json";
    input.id = "manual-sessions-files";
    var label = element("label", "manual-sessions__label", labels.sessions_choose);
    label.htmlFor = input.id;
    var clear = element("button", "md-button manual-sessions__clear", labels.sessions_clear);
    clear.type = "button";
    controls.appendChild(label);
    controls.appendChild(input);
    controls.appendChild(clear);
    this.status = element("p", "manual-sessions__status", labels.sessions_none_loaded);
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.messages = element("ul", "manual-sessions__messages");
    var first = this.root.querySelector(".manual-sessions__exercise");
    [controls, this.status, this.messages].forEach(function (part) { this.root.insertBefore(part, first); }, this);

    var self = this;
    input.addEventListener("change", function () {
      self.read(input.files).then(function () { input.value = ""; });
    });
    clear.addEventListener("click", function () {
      self.sessions = [];
      self.messages.replaceChildren();
      self.render();
      input.focus();
    });
  };

  Sessions.prototype.read = function (files) {
    var self = this;
    return Promise.all(Array.prototype.map.call(files, function (file) {
      return file.text().then(
        function (text) { return { name: file.name, text: text }; },
        function () { return { name: file.name, text: null }; }
      );
    })).then(function (results) {
      results.forEach(self.add, self);
      self.render();
    });
  };

  Sessions.prototype.problem = function (template, values) {
    this.messages.appendChild(element("li", null, format(template, values)));
  };

  // One file: checked against the exercise as it is now; what fits is counted.
  Sessions.prototype.add = function (file) {
    var labels = this.labels;
    var session;
    try {
      session = JSON.parse(file.text);
    } catch (error) {
      this.problem(labels.sessions_error_read, { file: file.name });
      return;
    }
    if (!session || session.format !== this.data.format || typeof session.exercise !== "string" || !Array.isArray(session.path)) {
      this.problem(labels.sessions_error_format, { file: file.name });
      return;
    }
    var exercise = this.data.exercises[session.exercise];
    if (!exercise) {
      this.problem(labels.sessions_error_unknown, { file: file.name, id: session.exercise });
      return;
    }
    var signature = JSON.stringify([session.exercise, session.date, session.group, session.path]);
    if (this.sessions.some(function (known) { return known.signature === signature; })) {
      this.problem(labels.sessions_error_twice, { file: file.name });
      return;
    }
    var nodeId = exercise.start;
    var steps = [];
    var fits = true;
    for (var i = 0; i < session.path.length; i++) {
      var entry = session.path[i] || {};
      var node = exercise.nodes[nodeId];
      var index = entry.choice - 1;
      if (entry.situation !== nodeId || !node.choices[index]) {
        fits = false;
        break;
      }
      steps.push({ node: nodeId, choice: index, seconds: count(entry.seconds), votes: entry.votes || null });
      nodeId = node.choices[index].next;
    }
    var reached = session.reached || {};
    if (fits && reached.situation !== nodeId) fits = false;
    if (!fits) this.problem(labels.sessions_error_mismatch, { file: file.name });
    this.sessions.push({
      signature: signature,
      exercise: session.exercise,
      date: typeof session.date === "string" ? session.date : "",
      group: typeof session.group === "string" && session.group ? session.group : "",
      steps: steps,
      reached: nodeId,
      reachedSeconds: fits ? count(reached.seconds) : 0,
      reachedVotes: fits ? reached.votes || null : null,
    });
  };

  Sessions.prototype.render = function () {
    var labels = this.labels;
    this.status.textContent = this.sessions.length ? format(labels.sessions_loaded, { n: this.sessions.length }) : labels.sessions_none_loaded;
    this.root.querySelectorAll(".manual-sessions__exercise").forEach(function (section) {
      var id = section.getAttribute("data-exercise");
      var sessions = this.sessions.filter(function (session) { return session.exercise === id; });
      section.hidden = !sessions.length;
      if (sessions.length) this.fill(section, this.data.exercises[id], sessions);
    }, this);
  };

  Sessions.prototype.nodeTitle = function (section, nodeId) {
    return section.querySelector('[data-node="' + nodeId + '"] .manual-sessions__node-heading').textContent.trim();
  };

  Sessions.prototype.groupName = function (session, index) {
    var name = session.group || this.labels.sessions_group_unnamed + " " + (index + 1);
    return session.date ? name + " · " + session.date : name;
  };

  Sessions.prototype.fill = function (section, exercise, sessions) {
    var labels = this.labels;
    var total = sessions.length;

    // the groups loaded
    var summary = section.querySelector(".manual-sessions__summary");
    summary.replaceChildren(element("p", "manual-sessions__groups-title", labels.sessions_groups + " (" + total + ")"));
    var groups = element("ul", "manual-sessions__groups");
    sessions.forEach(function (session, index) {
      var end = exercise.nodes[session.reached].end;
      groups.appendChild(element("li", null, this.groupName(session, index) + ": " +
        (end ? labels.sessions_finished : labels.sessions_unfinished + " " + this.nodeTitle(section, session.reached))));
    }, this);
    summary.appendChild(groups);

    // who reached each situation, who took each choice, and the votes there
    var reached = {};
    var took = {};
    var votes = {};
    var seconds = sessions.map(function () { return {}; });
    sessions.forEach(function (session, index) {
      var visited = {};
      visited[exercise.start] = true;
      session.steps.forEach(function (step) {
        var next = exercise.nodes[step.node].choices[step.choice].next;
        visited[next] = true;
        took[step.node + "/" + step.choice] = (took[step.node + "/" + step.choice] || 0) + (this.took(session, step) ? 1 : 0);
        seconds[index][step.node] = (seconds[index][step.node] || 0) + step.seconds;
        this.addVotes(votes, step.node, exercise.nodes[step.node].choices.length, step.votes);
      }, this);
      if (!exercise.nodes[session.reached].end) {
        seconds[index][session.reached] = (seconds[index][session.reached] || 0) + session.reachedSeconds;
        this.addVotes(votes, session.reached, exercise.nodes[session.reached].choices.length, session.reachedVotes);
      }
      Object.keys(visited).forEach(function (nodeId) { reached[nodeId] = (reached[nodeId] || 0) + 1; });
    }, this);

    section.querySelectorAll(".manual-sessions__node").forEach(function (item) {
      var nodeId = item.getAttribute("data-node");
      var n = reached[nodeId] || 0;
      item.classList.toggle("manual-sessions__node--unreached", !n);
      item.querySelector(".manual-sessions__reached").textContent = format(labels.sessions_reached, { n: n, total: total });
      item.querySelectorAll(".manual-sessions__choice").forEach(function (choice) {
        var index = Number(choice.getAttribute("data-choice"));
        var k = took[nodeId + "/" + index] || 0;
        var out = choice.querySelector(".manual-sessions__count");
        out.replaceChildren();
        var bar = element("span", "manual-sessions__count-bar");
        bar.setAttribute("aria-hidden", "true");
        var fill = element("span", "manual-sessions__count-fill");
        fill.style.width = Math.round(100 * k / total) + "%";
        bar.appendChild(fill);
        out.appendChild(bar);
        out.appendChild(element("span", "manual-sessions__took", format(labels.sessions_took, { n: k, total: total })));
        var counted = votes[nodeId];
        if (counted && (counted.firstAny || counted.secondAny)) {
          out.appendChild(element("span", "manual-sessions__votes", " · " + format(labels.sessions_votes, {
            first: counted.first[index], second: counted.second[index],
          })));
        }
      });
    });

    this.weakList(section, exercise, took, total);
    this.timeTable(section, exercise, sessions, seconds);
  };

  // A choice counts once per group, however often the group took it (a weak choice that leads back).
  Sessions.prototype.took = function (session, step) {
    var first = session.steps.find(function (other) { return other.node === step.node && other.choice === step.choice; });
    return first === step;
  };

  Sessions.prototype.addVotes = function (votes, nodeId, choices, recorded) {
    if (!recorded) return;
    var sums = votes[nodeId] || (votes[nodeId] = { first: [], second: [], firstAny: false, secondAny: false });
    ["first", "second"].forEach(function (round) {
      var counts = Array.isArray(recorded[round]) ? recorded[round] : null;
      for (var i = 0; i < choices; i++) {
        sums[round][i] = (sums[round][i] || 0) + (counts ? count(counts[i]) : 0);
      }
      if (counts) sums[round + "Any"] = true;
    });
  };

  Sessions.prototype.weakList = function (section, exercise, took, total) {
    var labels = this.labels;
    var weak = [];
    exercise.order.forEach(function (nodeId, position) {
      exercise.nodes[nodeId].choices.forEach(function (choice, index) {
        var n = took[nodeId + "/" + index] || 0;
        if (choice.weak && n) weak.push({ node: nodeId, choice: index, n: n, position: position });
      });
    });
    weak.sort(function (a, b) { return b.n - a.n || a.position - b.position || a.choice - b.choice; });
    var box = section.querySelector(".manual-sessions__weak");
    if (!weak.length) {
      box.replaceChildren(element("p", null, labels.sessions_weak_none));
      return;
    }
    var list = element("ol", "manual-sessions__weak-list");
    weak.forEach(function (entry) {
      var label = section.querySelector('[data-node="' + entry.node + '"] [data-choice="' + entry.choice + '"] .manual-sessions__choice-label');
      var item = element("li");
      item.dataset.node = entry.node;
      item.dataset.choice = String(entry.choice);
      item.appendChild(element("strong", null, label.textContent.trim()));
      item.appendChild(document.createTextNode(" (" + this.nodeTitle(section, entry.node) + "): " +
        format(labels.sessions_weak_took, { n: entry.n, total: total })));
      list.appendChild(item);
    }, this);
    box.replaceChildren(list);
  };

  // Time per situation: each group's, the average of those who got there, the planned minutes.
  Sessions.prototype.timeTable = function (section, exercise, sessions, seconds) {
    var labels = this.labels;
    var table = element("table", "manual-sessions__table manual-sessions__times-table");
    var head = table.createTHead().insertRow();
    var headings = [labels.player_situation, labels.player_planned].concat(sessions, [labels.sessions_average]);
    headings.forEach(function (heading, index) {
      var cell = element("th", null, typeof heading === "string" ? heading : heading.group || labels.sessions_group_unnamed + " " + (index - 1));
      if (typeof heading !== "string" && heading.date) cell.appendChild(element("span", "manual-sessions__date", heading.date));
      cell.scope = "col";
      head.appendChild(cell);
    });
    var body = table.createTBody();
    exercise.order.forEach(function (nodeId) {
      var node = exercise.nodes[nodeId];
      var times = seconds.map(function (perNode) { return perNode[nodeId]; });
      var known = times.filter(function (value) { return typeof value === "number"; });
      if (node.end || !known.length) return;
      var row = body.insertRow();
      row.dataset.node = nodeId;
      var name = element("th", null, this.nodeTitle(section, nodeId));
      name.scope = "row";
      row.appendChild(name);
      row.insertCell().textContent = node.minutes ? node.minutes + " " + labels.minutes : labels.sessions_not_reached;
      var limit = node.minutes ? node.minutes * 60 : null;
      times.forEach(function (value) {
        var cell = row.insertCell();
        cell.textContent = typeof value === "number" ? clock(value) : labels.sessions_not_reached;
        if (limit && value > limit) cell.className = "manual-sessions__over";
      });
      var average = known.reduce(function (sum, value) { return sum + value; }, 0) / known.length;
      var mean = row.insertCell();
      mean.textContent = clock(average) + (limit && average > limit ? " (" + labels.sessions_over + ")" : "");
      if (limit && average > limit) mean.className = "manual-sessions__over";
    }, this);
    var box = element("div", "manual-sessions__scroll");
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", section.querySelector(".manual-sessions__times").previousElementSibling.textContent);
    box.appendChild(table);
    section.querySelector(".manual-sessions__times").replaceChildren(box);
  };

  document.querySelectorAll(".manual-sessions").forEach(function (root) {
    var source = root.querySelector("script.manual-sessions__data");
    if (!source) return;
    new Sessions(root, JSON.parse(source.textContent)).start();
  });
})();
