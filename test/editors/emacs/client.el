;;; client.el --- Headless Emacs with eglot as an LSP client of the Referat server.  -*- lexical-binding: t -*-
;; Loads the README's configuration (referat.el), visits every document of the workspace and
;; records what the editor has: Flymake's diagnostics, the imenu index (documentSymbol), the
;; foldingRange answer over eglot's connection, and completion-at-point's candidates.
;; test/editors/emacs.ts compares that with the reviewed expectations.
;;   REFERAT_WORKSPACE  folder with copies of the corpus
;;   REFERAT_RESULT     where to write the JSON
;;   REFERAT_CONFIG     path of referat.el
;; `emacs --batch -Q' skips Debian's elpa setup, so the packages go on load-path here.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'imenu)
(require 'json)
(require 'subr-x)

(defvar referat-workspace (file-name-as-directory (expand-file-name (getenv "REFERAT_WORKSPACE"))))
(defconst referat-timeout 20.0)

;; One transient project for the workspace, so eglot does not ask for one.
(add-hook 'project-find-functions (lambda (_dir) (cons 'transient referat-workspace)))
(load (getenv "REFERAT_CONFIG") nil t)

(defun referat-wait (what pred)
  "Run the event loop (process output, timers) until PRED is non-nil."
  (let ((deadline (+ (float-time) referat-timeout)))
    (while (not (funcall pred))
      (when (> (float-time) deadline) (error "Timed out waiting for %s" what))
      (accept-process-output nil 0.05))))

(defun referat-stop-typing ()
  "What Emacs does when the user stops typing: run the idle timers.
Batch Emacs is never idle, so eglot's didChange (sent after `eglot-send-changes-idle-time')
would never go out otherwise."
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))

(defun referat-position (pos)
  "POS as a 0-based (line . character)."
  (save-excursion
    (goto-char pos)
    (cons (1- (line-number-at-pos pos t)) (- pos (line-beginning-position)))))

(defun referat-diagnostics ()
  (vconcat
   (mapcar
    (lambda (d)
      (let ((beg (referat-position (flymake-diagnostic-beg d)))
            (end (referat-position (flymake-diagnostic-end d)))
            (lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
        `((text . ,(substring-no-properties (flymake-diagnostic-text d)))
          (type . ,(symbol-name (flymake-diagnostic-type d)))
          (severity . ,(plist-get lsp :severity))
          (line . ,(car beg)) (character . ,(cdr beg))
          (endLine . ,(car end)) (endCharacter . ,(cdr end)))))
    (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))))

(defun referat-count (code)
  (cl-count-if (lambda (d) (string-match-p (regexp-quote (format "[%s]" code)) (flymake-diagnostic-text d)))
               (flymake-diagnostics)))

(defun referat-imenu-punkter ()
  "The imenu index's Class entries (the punkter), as (name . line)."
  (let* ((index (funcall imenu-create-index-function))
         (classes (cdr (assoc "Class" index)))
         (entries (apply #'append (mapcar (lambda (e) (if (imenu--subalist-p e) (cdr e) (list e))) classes))))
    (vconcat (mapcar (lambda (e) `((name . ,(substring-no-properties (car e)))
                                    (line . ,(1- (line-number-at-pos (cdr e) t)))))
                     entries))))

(defun referat-completions ()
  "What completion-at-point offers at point, in the order it shows them."
  (let* ((capf (eglot-completion-at-point))
         (table (nth 2 capf))
         (all (all-completions "" table))
         (sort-fn (completion-metadata-get (completion-metadata "" table nil) 'display-sort-function)))
    (vconcat (mapcar (lambda (c)
                       (let ((item (get-text-property 0 'eglot--lsp-item c)))
                         `((label . ,(substring-no-properties c))
                           (sortText . ,(plist-get item :sortText))
                           (detail . ,(plist-get item :detail)))))
                     (if sort-fn (funcall sort-fn all) all)))))

(defun referat-visit (name)
  (find-file (expand-file-name name referat-workspace))
  ;; What the command loop does after `find-file' (batch Emacs has no command loop and no
  ;; redisplay): eglot-ensure connects on post-command-hook, and Flymake starts once the
  ;; buffer is on display (window-configuration-change-hook).
  (run-hooks 'post-command-hook)
  (run-window-configuration-change-hook)
  (referat-wait (format "eglot to manage %s (mode %s)" name major-mode) #'eglot-managed-p))

(defun referat-main ()
  (let ((documents nil))
    (dolist (name (sort (directory-files referat-workspace nil "\\.referat") #'string<))
      (referat-visit name)
      (let ((doc `((mode . ,(symbol-name major-mode)))))
        (push `(punkter . ,(referat-imenu-punkter)) doc)
        (push `(folding . ,(jsonrpc-request (eglot--current-server-or-lose) :textDocument/foldingRange
                                            `(:textDocument ,(eglot--TextDocumentIdentifier))))
              doc)
        (if (string-prefix-p "vejen" name)
            (progn
              ;; No findings: a typed line of export debris must bring exactly one.
              (goto-char (point-min)) (forward-line 1)
              (insert "Til toppen\n")
              (referat-stop-typing)
              (referat-wait "the export-debris finding" (lambda () (> (length (flymake-diagnostics)) 0)))
              (push `(afterDebris . ,(referat-diagnostics)) doc)
              (goto-char (point-min)) (forward-line 1)
              (delete-region (point) (line-beginning-position 2))
              (referat-stop-typing)
              (referat-wait "the finding to go" (lambda () (= (length (flymake-diagnostics)) 0)))
              (push `(afterUndo . ,(referat-diagnostics)) doc))
          (referat-wait (format "%s diagnostics" name) (lambda () (> (length (flymake-diagnostics)) 0)))
          (push `(diagnostics . ,(referat-diagnostics)) doc))
        (when (string-prefix-p "viborg" name)
          ;; Punkt 1 without its Beslutning (lines 38–45), and a blank line to type on.
          (goto-char (point-min)) (forward-line 37)
          (delete-region (point) (progn (forward-line 8) (point)))
          (insert "\n")
          (referat-stop-typing)
          (referat-wait "missing-section" (lambda () (= (referat-count "missing-section") 1)))
          (push `(missing . ,(referat-diagnostics)) doc)
          (goto-char (point-min)) (forward-line 37)
          (push `(completion . ,(referat-completions)) doc))
        (push (cons name doc) documents)))
    `((version . ,(format "Emacs %s, eglot %s" emacs-version
                          (or (ignore-errors (package-get-version)) (bound-and-true-p eglot-version) "1.9")))
      (documents . ,documents))))

(let* ((ok t)
       (result (condition-case err (referat-main)
                 (error (setq ok nil) `((error . ,(error-message-string err)))))))
  (let ((coding-system-for-write 'utf-8))
    (with-temp-file (getenv "REFERAT_RESULT") (insert (json-encode result))))
  (kill-emacs (if ok 0 1)))
